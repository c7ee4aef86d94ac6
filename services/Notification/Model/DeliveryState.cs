namespace Ecommerce.Notification.Model;

/// <summary>Where one message (one event, one channel, one user) is.</summary>
public enum DeliveryState
{
    /// <summary>Claimed by a delivery attempt that has not finished (or crashed: the next redelivery retries it).</summary>
    Pending,
    Sent,

    /// <summary>The last attempt failed; a redelivery of the event tries again.</summary>
    Failed,

    /// <summary>Not sent on purpose (opted out, no address known): the reason says why.</summary>
    Skipped,
}
