using Ecommerce.Identity.Security;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery", "ada@example.com")]
    [InlineData("0123456789x", "ada@example.com")]
    [InlineData("lovelace-of-ada", "jo@example.com")]
    public void Long_uncommon_passwords_without_the_email_name_are_accepted(string password, string email) =>
        Assert.Null(PasswordPolicy.Check(password, email));

    [Theory]
    [InlineData("short1!", "ada@example.com", "10 to 128")]
    [InlineData("", "ada@example.com", "10 to 128")]
    [InlineData("Password123", "ada@example.com", "too common")]
    [InlineData("qwertyuiop", "ada@example.com", "too common")]
    [InlineData("my-LOVELACE-password", "lovelace@example.com", "email")]
    [InlineData("  lovelace@x  ", " Lovelace@example.com ", "email")]
    public void Short_common_or_email_based_passwords_are_refused_with_the_reason(string password, string email, string reason) =>
        Assert.Contains(reason, PasswordPolicy.Check(password, email), StringComparison.Ordinal);

    [Fact]
    public void The_maximum_length_is_128()
    {
        Assert.Null(PasswordPolicy.Check(new string('x', 127) + "y", null));
        Assert.NotNull(PasswordPolicy.Check(new string('x', 129), null));
    }
}
