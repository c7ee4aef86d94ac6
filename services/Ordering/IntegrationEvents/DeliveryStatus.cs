namespace Ecommerce.Ordering.IntegrationEvents;

/// <summary>The answer Dapr reads from a subscriber: SUCCESS, RETRY (deliver again later) or DROP.</summary>
public sealed record DeliveryStatus(string Status)
{
    public static DeliveryStatus Success { get; } = new("SUCCESS");

    public static DeliveryStatus Retry { get; } = new("RETRY");

    public static DeliveryStatus Drop { get; } = new("DROP");
}
