using Ecommerce.Notification.Dispatching;

namespace Ecommerce.Notification.IntegrationEvents;

/// <summary>The answer Dapr reads from a subscriber: SUCCESS, RETRY (redeliver later) or DROP (never redeliver).</summary>
public sealed record DeliveryStatus(string Status)
{
    public static DeliveryStatus Success { get; } = new("SUCCESS");

    public static DeliveryStatus Retry { get; } = new("RETRY");

    public static DeliveryStatus Drop { get; } = new("DROP");

    public static DeliveryStatus Of(DispatchOutcome outcome) => outcome switch
    {
        DispatchOutcome.Success => Success,
        DispatchOutcome.Retry => Retry,
        _ => Drop,
    };
}
