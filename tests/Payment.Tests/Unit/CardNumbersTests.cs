using Ecommerce.Payment.Model;

namespace Ecommerce.Payment.Tests.Unit;

public sealed class CardNumbersTests
{
    [Theory]
    [InlineData("4242 4242 4242 4242", true)]
    [InlineData("4242-4242-4242-4242", true)]
    [InlineData("4242424242424241", false)]
    [InlineData("378282246310005", true)]
    [InlineData("5555555555554444", true)]
    [InlineData("2223003122003222", true)]
    [InlineData("79927398713", false)]
    public void Luhn_is_checked_on_the_digits_only(string input, bool valid)
    {
        var digits = CardNumbers.Normalize(input);

        Assert.Equal(valid, digits is not null && CardNumbers.PassesLuhn(digits));
    }

    [Theory]
    [InlineData("4242424242424242", CardBrand.Visa)]
    [InlineData("5105105105105100", CardBrand.Mastercard)]
    [InlineData("5555555555554444", CardBrand.Mastercard)]
    [InlineData("2221000000000009", CardBrand.Mastercard)]
    [InlineData("2720990000000007", CardBrand.Mastercard)]
    [InlineData("340000000000009", CardBrand.Amex)]
    [InlineData("378282246310005", CardBrand.Amex)]
    public void The_brand_comes_from_the_prefix(string digits, CardBrand brand) => Assert.Equal(brand, CardNumbers.BrandOf(digits));

    [Theory]
    [InlineData("6011111111111117")]
    [InlineData("5000000000000009")]
    [InlineData("2220990000000000")]
    [InlineData("2721000000000000")]
    [InlineData("3530111333300000")]
    public void Other_prefixes_have_no_brand(string digits) => Assert.Null(CardNumbers.BrandOf(digits));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4242 4242 4242 424a")]
    [InlineData("42424242424")]
    [InlineData("42424242424242424242")]
    public void Anything_but_12_to_19_digits_is_not_a_number(string? input) => Assert.Null(CardNumbers.Normalize(input));

    [Fact]
    public void A_card_is_valid_through_the_end_of_its_expiry_month()
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

        Assert.False(CardNumbers.IsExpired(11, 2026, now));
        Assert.False(CardNumbers.IsExpired(1, 2027, now));
        Assert.True(CardNumbers.IsExpired(10, 2026, now));
        Assert.True(CardNumbers.IsExpired(12, 2025, now));
        Assert.True(CardNumbers.IsExpired(13, 2030, now));
    }
}
