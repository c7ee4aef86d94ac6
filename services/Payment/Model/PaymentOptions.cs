namespace Ecommerce.Payment.Model;

/// <summary>Settings of the payment service (section <c>Payment</c>).</summary>
public sealed class PaymentOptions
{
    public const string SectionName = "Payment";

    public FraudOptions Fraud { get; set; } = new();

    /// <summary>How often a read-modify-write is tried again when a concurrent change won, before answering 409.</summary>
    public int ConcurrencyAttempts { get; set; } = 20;
}

/// <summary>
/// The fraud rules (section <c>Payment:Fraud</c>). Each rule that fires adds its score; the sum (at most 100)
/// decides: below <see cref="ReviewScore"/> approve, below <see cref="DeclineScore"/> review, else decline.
/// With the defaults any one rule sends the payment to review and two of them decline it.
/// </summary>
public sealed class FraudOptions
{
    /// <summary>An amount above this (in the payment's currency, no conversion) is suspicious.</summary>
    public decimal AmountThreshold { get; set; } = 1000m;

    public int HighAmountScore { get; set; } = 45;

    /// <summary>More than this many authorization attempts of one user within <see cref="VelocityWindow"/> is suspicious.</summary>
    public int VelocityLimit { get; set; } = 5;

    public TimeSpan VelocityWindow { get; set; } = TimeSpan.FromMinutes(10);

    public int VelocityScore { get; set; } = 45;

    /// <summary>Billing country other than shipping country.</summary>
    public int CountryMismatchScore { get; set; } = 40;

    public int ReviewScore { get; set; } = 40;

    public int DeclineScore { get; set; } = 80;
}
