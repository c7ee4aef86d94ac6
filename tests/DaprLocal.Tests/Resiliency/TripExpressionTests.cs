using Ecommerce.DaprLocal.Resiliency;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

public class TripExpressionTests
{
    [Theory]
    [InlineData("consecutiveFailures > 5", 6, true)]
    [InlineData("consecutiveFailures > 5", 5, false)]
    [InlineData("consecutiveFailures >= 5", 5, true)]
    [InlineData("consecutiveFailures == 3 || consecutiveFailures == 4", 4, true)]
    [InlineData("!(consecutiveFailures < 2)", 2, true)]
    [InlineData("consecutiveFailures != 0 && requests > 10", 1, false)]
    [InlineData("consecutiveFailures * 2 - 1 >= 0x9", 5, true)]
    [InlineData("consecutiveFailures % 2 == 1 && -consecutiveFailures < 0", 3, true)]
    [InlineData("true", 0, true)]
    public void Evaluates_conditions_over_the_counters(string text, long consecutiveFailures, bool expected)
    {
        var counts = new BreakerCounts(Requests: 5, TotalSuccesses: 1, TotalFailures: 4, ConsecutiveSuccesses: 0, consecutiveFailures);

        Assert.Equal(expected, TripExpression.Parse(text).Evaluate(counts));
    }

    [Fact]
    public void Uses_every_counter()
    {
        var trip = TripExpression.Parse(
            "requests == 10 && totalSuccesses == 3 && totalFailures == 7 && consecutiveSuccesses == 0 && consecutiveFailures == 4");

        Assert.True(trip.Evaluate(new BreakerCounts(10, 3, 7, 0, 4)));
        Assert.False(trip.Evaluate(new BreakerCounts(10, 3, 7, 1, 4)));
    }

    [Fact]
    public void An_evaluation_error_does_not_trip_unless_the_other_side_decides()
    {
        var counts = new BreakerCounts(0, 0, 3, 0, 3);

        Assert.False(TripExpression.Parse("totalFailures / requests > 0").Evaluate(counts));
        Assert.True(TripExpression.Parse("totalFailures / requests > 0 || consecutiveFailures >= 3").Evaluate(counts));
        Assert.False(TripExpression.Parse("9223372036854775807 + consecutiveFailures > 0").Evaluate(counts));
    }

    [Theory]
    [InlineData("")]
    [InlineData("consecutiveFailures >")]
    [InlineData("consecutiveFailures > 5 > 3")]
    [InlineData("consecutiveFailures > 5u")]
    [InlineData("size(requests) > 1")]
    [InlineData("consecutiveFailures && true")]
    [InlineData("!consecutiveFailures")]
    [InlineData("-true == false")]
    [InlineData("true < false")]
    [InlineData("consecutiveFailures > 99999999999999999999")]
    public void Rejects_what_it_cannot_evaluate(string text)
    {
        Assert.Throws<FormatException>(() => TripExpression.Parse(text));
    }
}
