namespace Ecommerce.Notification.Model;

/// <summary>Whose order it is, learnt from the <c>orders.*</c> events, for the events that name only the order (shipments, refunds).</summary>
public sealed record OrderCustomer(string OrderId, string CustomerId);
