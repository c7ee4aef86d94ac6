using Ecommerce.Notification.Model;

namespace Ecommerce.Notification.Tests.Unit;

public sealed class RecipientMaskTests
{
    [Theory]
    [InlineData("jane.doe@example.com", "j***@example.com")]
    [InlineData("x@example.org", "x***@example.org")]
    [InlineData("not-an-address", "***")]
    public void Email_addresses_keep_the_first_letter_and_the_domain(string address, string masked) =>
        Assert.Equal(masked, RecipientMask.Email(address));

    [Theory]
    [InlineData("+447700900123", "+44*******123")]
    [InlineData("+33612345678", "+33******678")]
    [InlineData("+1234", "*****")]
    public void Phone_numbers_keep_the_country_code_start_and_the_last_three_digits(string number, string masked) =>
        Assert.Equal(masked, RecipientMask.Phone(number));

    [Theory]
    [InlineData("+447700900123", true)]
    [InlineData("+12025550123", true)]
    [InlineData("447700900123", false)]
    [InlineData("+0447700900", false)]
    [InlineData("+44 7700 900123", false)]
    [InlineData("+4412", false)]
    public void Phone_numbers_must_be_e164(string number, bool valid) => Assert.Equal(valid, PhoneNumbers.IsE164(number));
}
