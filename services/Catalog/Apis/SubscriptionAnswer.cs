namespace Ecommerce.Catalog.Apis;

/// <summary>The body Dapr reads from a subscriber's answer: SUCCESS, RETRY or DROP.</summary>
public sealed record SubscriptionAnswer(string Status)
{
    public static SubscriptionAnswer Success { get; } = new("SUCCESS");

    public static SubscriptionAnswer Drop { get; } = new("DROP");
}
