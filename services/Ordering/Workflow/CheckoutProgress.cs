namespace Ecommerce.Ordering.Workflow;

/// <summary>The saga's custom status (what the saga dashboard shows): the step it is at and a sentence about it.</summary>
public sealed record CheckoutProgress(string Step, string Detail);

/// <summary>The step names of <see cref="CheckoutProgress"/> (and of the return saga's progress).</summary>
public static class CheckoutSteps
{
    public const string Pricing = "pricing";
    public const string ReservingStock = "reservingStock";
    public const string AuthorizingPayment = "authorizingPayment";
    public const string AwaitingFraudReview = "awaitingFraudReview";
    public const string CreatingShipment = "creatingShipment";
    public const string CapturingPayment = "capturingPayment";
    public const string CommittingStock = "committingStock";
    public const string Confirmed = "confirmed";
    public const string Compensating = "compensating";
    public const string Ended = "ended";
    public const string AwaitingReturnDecision = "awaitingReturnDecision";
    public const string Refunding = "refunding";
    public const string Restocking = "restocking";
    public const string Returned = "returned";
    public const string ReturnRejected = "returnRejected";
}
