using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Tests.Unit;

public sealed class FraudRulesTests
{
    private static readonly FraudOptions Options = new();

    [Fact]
    public void A_small_domestic_first_payment_is_approved_with_score_zero()
    {
        var verdict = FraudRules.Assess(Options, 999.99m, 1, "DE", "DE", TestBehaviour.Success);

        Assert.Equal(0, verdict.Score);
        Assert.Equal(FraudDecision.Approve, verdict.Decision);
        Assert.Empty(verdict.Signals);
    }

    [Theory]
    [InlineData(1000.01, 1, "DE", "DE", FraudRules.HighAmount)]
    [InlineData(10, 6, "DE", "DE", FraudRules.Velocity)]
    [InlineData(10, 1, "DE", "FR", FraudRules.CountryMismatch)]
    public void Any_one_rule_sends_the_payment_to_review(decimal amount, int attempts, string billing, string shipping, string signal)
    {
        var verdict = FraudRules.Assess(Options, amount, attempts, billing, shipping, TestBehaviour.Success);

        Assert.Equal(FraudDecision.Review, verdict.Decision);
        Assert.InRange(verdict.Score, Options.ReviewScore, Options.DeclineScore - 1);
        Assert.Equal([signal], verdict.Signals);
    }

    [Fact]
    public void The_limit_itself_is_not_velocity()
    {
        Assert.Equal(FraudDecision.Approve, FraudRules.Assess(Options, 10m, Options.VelocityLimit, "DE", "DE", TestBehaviour.Success).Decision);
    }

    [Fact]
    public void Two_rules_decline_and_the_score_is_capped_at_100()
    {
        var two = FraudRules.Assess(Options, 5000m, 1, "DE", "US", TestBehaviour.Success);
        var three = FraudRules.Assess(Options, 5000m, 9, "DE", "US", TestBehaviour.Success);

        Assert.Equal(FraudDecision.Decline, two.Decision);
        Assert.Equal(85, two.Score);
        Assert.Equal(100, three.Score);
        Assert.Equal(3, three.Signals.Count);
    }

    [Fact]
    public void The_review_test_card_always_lands_in_review_but_never_lowers_a_decline()
    {
        var clean = FraudRules.Assess(Options, 10m, 1, "DE", "DE", TestBehaviour.FraudReview);
        var bad = FraudRules.Assess(Options, 5000m, 1, "DE", "US", TestBehaviour.FraudReview);

        Assert.Equal(FraudDecision.Review, clean.Decision);
        Assert.Contains(FraudRules.ReviewTestCard, clean.Signals);
        Assert.Equal(FraudDecision.Decline, bad.Decision);
    }

    [Fact]
    public void Thresholds_come_from_the_options()
    {
        var strict = new FraudOptions { AmountThreshold = 100m, VelocityLimit = 1 };

        Assert.Equal(FraudDecision.Decline, FraudRules.Assess(strict, 150m, 2, "DE", "DE", TestBehaviour.Success).Decision);
    }
}
