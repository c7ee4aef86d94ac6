namespace Ecommerce.Payment.Model;

/// <summary>Scores an authorization with the rules of <see cref="FraudOptions"/>; pure, so it is tested without a store.</summary>
public static class FraudRules
{
    public const string HighAmount = "highAmount";
    public const string Velocity = "velocity";
    public const string CountryMismatch = "countryMismatch";
    public const string ReviewTestCard = "reviewTestCard";

    /// <summary>The verdict; <paramref name="recentAttempts"/> counts the user's attempts within the velocity window, this one included.</summary>
    public static FraudAssessment Assess(FraudOptions options, decimal amount, int recentAttempts, string billingCountry, string shippingCountry, TestBehaviour behaviour)
    {
        ArgumentNullException.ThrowIfNull(options);
        var signals = new List<string>();
        var score = 0;
        if (amount > options.AmountThreshold)
        {
            score += options.HighAmountScore;
            signals.Add(HighAmount);
        }
        if (recentAttempts > options.VelocityLimit)
        {
            score += options.VelocityScore;
            signals.Add(Velocity);
        }
        if (!string.Equals(billingCountry, shippingCountry, StringComparison.Ordinal))
        {
            score += options.CountryMismatchScore;
            signals.Add(CountryMismatch);
        }
        score = Math.Clamp(score, 0, 100);
        var decision = score >= options.DeclineScore ? FraudDecision.Decline
            : score >= options.ReviewScore ? FraudDecision.Review
            : FraudDecision.Approve;
        if (behaviour == TestBehaviour.FraudReview && decision == FraudDecision.Approve)
        {
            // The documented review card always lands in review, whatever the score says.
            decision = FraudDecision.Review;
            signals.Add(ReviewTestCard);
        }
        return new FraudAssessment(score, decision, signals);
    }
}
