namespace Ecommerce.Notification.Delivery;

/// <summary>One rendered email: <see cref="Id"/> is the delivery id (it makes the Message-ID and the file name).</summary>
public sealed record EmailMessage(string Id, string To, string Subject, string Body, DateTimeOffset Date);
