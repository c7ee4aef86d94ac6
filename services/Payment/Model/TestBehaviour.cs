namespace Ecommerce.Payment.Model;

/// <summary>
/// How the simulated gateway answers for a payment method, decided once when the card is tokenized (see
/// <see cref="TestCards"/>) and stored with the method, so the number itself never has to be kept.
/// </summary>
public enum TestBehaviour
{
    Success,
    Declined,
    InsufficientFunds,
    FraudReview,
    TransientError,
}
