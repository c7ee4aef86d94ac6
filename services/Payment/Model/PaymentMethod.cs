namespace Ecommerce.Payment.Model;

/// <summary>
/// A tokenized card: <see cref="Id"/> is the token callers pay with. Only what may be shown is kept — brand,
/// last four digits, expiry, holder — and the test behaviour decided from the number when it was tokenized.
/// </summary>
public sealed record PaymentMethod(
    string Id,
    string UserId,
    CardBrand Brand,
    string Last4,
    int ExpiryMonth,
    int ExpiryYear,
    string HolderName,
    DateTimeOffset CreatedAt,
    TestBehaviour TestBehaviour);
