using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>One delivery to claim: its record as it starts (when it is new), and why it must not go out (null: it may).</summary>
public sealed record DeliveryRequest(DeliveryRecord Fresh, string? SkipReason = null);
