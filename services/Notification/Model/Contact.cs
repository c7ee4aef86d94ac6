namespace Ecommerce.Notification.Model;

/// <summary>
/// How to reach a user, learnt from events (<c>users.registered</c>, <c>users.email-verified</c>, the recipient of a
/// <c>notifications.requested</c>) so that no delivery has to call the identity service.
/// </summary>
public sealed record Contact(string UserId, string Email, string Name);
