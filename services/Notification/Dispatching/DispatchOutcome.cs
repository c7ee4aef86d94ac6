namespace Ecommerce.Notification.Dispatching;

/// <summary>How a delivery of an event is answered to the sidecar.</summary>
public enum DispatchOutcome
{
    /// <summary>Everything is sent, skipped on purpose, or was done before.</summary>
    Success,

    /// <summary>Something failed in a way a redelivery may fix (a binding unavailable, a concurrent attempt): redeliver.</summary>
    Retry,

    /// <summary>Something failed for good (recorded as failed in history): do not redeliver.</summary>
    Drop,
}
