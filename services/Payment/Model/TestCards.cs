namespace Ecommerce.Payment.Model;

/// <summary>
/// The documented test cards of the simulated gateway (any future expiry, any CVC of the right length).
/// <code>
/// | Card number         | Brand | Outcome of an authorization                                                      |
/// |---------------------|-------|----------------------------------------------------------------------------------|
/// | 4242 4242 4242 4242 | visa  | authorized (201)                                                                 |
/// | 4000 0000 0000 0002 | visa  | declined (422, reason "declined"), payment recorded as failed                    |
/// | 4000 0000 0000 9995 | visa  | insufficient funds (422, reason "insufficientFunds"), payment recorded as failed |
/// | 4000 0000 0000 9235 | visa  | fraud review (202, status "pendingReview"), resolved by POST /{id}/review        |
/// | 4000 0000 0000 0119 | visa  | first attempt of each idempotency key: 503 + Retry-After; a retry succeeds       |
/// | any other valid Luhn number of a known brand  | authorized, unless the fraud rules say otherwise         |
/// </code>
/// </summary>
public static class TestCards
{
    public const string Success = "4242424242424242";
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";
    public const string FraudReview = "4000000000009235";
    public const string TransientError = "4000000000000119";

    private static readonly Dictionary<string, TestBehaviour> Behaviours = new(StringComparer.Ordinal)
    {
        [Success] = TestBehaviour.Success,
        [Declined] = TestBehaviour.Declined,
        [InsufficientFunds] = TestBehaviour.InsufficientFunds,
        [FraudReview] = TestBehaviour.FraudReview,
        [TransientError] = TestBehaviour.TransientError,
    };

    /// <summary>The behaviour of a normalised card number; every number not in the table succeeds.</summary>
    public static TestBehaviour BehaviourOf(string digits) =>
        Behaviours.TryGetValue(digits, out var behaviour) ? behaviour : TestBehaviour.Success;
}
