namespace Ecommerce.Payment.Model;

/// <summary>Why an authorization was refused for good (the <c>reason</c> of the 422 and of <c>payments.failed</c>).</summary>
public enum FailureReason
{
    Declined,
    InsufficientFunds,
    FraudSuspected,
    ReviewRejected,
}
