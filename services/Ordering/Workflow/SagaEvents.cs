namespace Ecommerce.Ordering.Workflow;

/// <summary>The external events the sagas wait for, raised by the order endpoints through the workflow client.</summary>
public static class SagaEvents
{
    /// <summary>The customer or an admin cancelled the order (<see cref="CancelRequest"/>).</summary>
    public const string CancelRequested = "CancelRequested";

    /// <summary>An admin decided a payment held for fraud review (<see cref="Decision"/>).</summary>
    public const string FraudReviewDecided = "FraudReviewDecided";

    /// <summary>An admin decided a return (<see cref="Decision"/>).</summary>
    public const string ReturnDecided = "ReturnDecided";
}

/// <summary>The payload of <see cref="SagaEvents.CancelRequested"/>.</summary>
public sealed record CancelRequest(string Reason);

/// <summary>The payload of <see cref="SagaEvents.FraudReviewDecided"/> and <see cref="SagaEvents.ReturnDecided"/>.</summary>
public sealed record Decision(bool Approve, string? Reason);
