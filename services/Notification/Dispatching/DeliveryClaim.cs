using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Dispatching;

/// <summary>What claiming a delivery found: it is done already, someone else is on it, or it is ours to attempt.</summary>
public sealed record DeliveryClaim(DeliveryClaimKind Kind, DeliveryRecord? Record = null, string? ETag = null)
{
    public static DeliveryClaim Done { get; } = new(DeliveryClaimKind.Done);

    public static DeliveryClaim Busy { get; } = new(DeliveryClaimKind.Busy);
}

public enum DeliveryClaimKind
{
    /// <summary>Sent or skipped before: nothing more to do.</summary>
    Done,

    /// <summary>Another attempt holds a fresh claim (a concurrent redelivery, another replica).</summary>
    Busy,

    /// <summary>This attempt owns the delivery: <see cref="DeliveryClaim.Record"/> is pending, attempts counted.</summary>
    Claimed,
}
