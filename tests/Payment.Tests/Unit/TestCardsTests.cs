using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Tests.Unit;

public sealed class TestCardsTests
{
    [Theory]
    [InlineData(TestCards.Success, TestBehaviour.Success)]
    [InlineData(TestCards.Declined, TestBehaviour.Declined)]
    [InlineData(TestCards.InsufficientFunds, TestBehaviour.InsufficientFunds)]
    [InlineData(TestCards.FraudReview, TestBehaviour.FraudReview)]
    [InlineData(TestCards.TransientError, TestBehaviour.TransientError)]
    [InlineData("5555555555554444", TestBehaviour.Success)]
    [InlineData("378282246310005", TestBehaviour.Success)]
    public void Each_documented_card_has_its_behaviour_and_any_other_succeeds(string digits, TestBehaviour behaviour) =>
        Assert.Equal(behaviour, TestCards.BehaviourOf(digits));

    [Theory]
    [InlineData(TestCards.Success)]
    [InlineData(TestCards.Declined)]
    [InlineData(TestCards.InsufficientFunds)]
    [InlineData(TestCards.FraudReview)]
    [InlineData(TestCards.TransientError)]
    public void Every_documented_card_is_a_valid_visa(string digits) =>
        Assert.Equal(CardBrand.Visa, CardNumbers.Parse(digits)?.Brand);
}
