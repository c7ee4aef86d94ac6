using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class PasswordHasherTests
{
    private static PasswordHasher Hasher(int iterations) => new(Options.Create(new IdentityOptions { PasswordIterations = iterations }));

    [Fact]
    public void A_hash_is_self_describing_salted_and_verifies_only_its_password()
    {
        var hasher = Hasher(1000);

        var first = hasher.Hash("correct horse battery");
        var second = hasher.Hash("correct horse battery");

        var parts = first.Split('$');
        Assert.Equal(["pbkdf2-sha256", "1000"], parts[..2]);
        Assert.Equal(16, Convert.FromBase64String(parts[2]).Length);
        Assert.Equal(32, Convert.FromBase64String(parts[3]).Length);
        Assert.NotEqual(first, second);
        Assert.Equal(new PasswordCheck(true, false), hasher.Verify("correct horse battery", first));
        Assert.False(hasher.Verify("correct horse batterY", first).Valid);
        Assert.False(hasher.Verify("", first).Valid);
    }

    [Fact]
    public void A_hash_made_with_fewer_iterations_than_configured_verifies_and_asks_for_a_rehash()
    {
        var old = Hasher(500).Hash("correct horse battery");

        var check = Hasher(1000).Verify("correct horse battery", old);
        var wrong = Hasher(1000).Verify("wrong horse battery", old);

        Assert.Equal(new PasswordCheck(true, true), check);
        Assert.Equal(PasswordCheck.Wrong, wrong);
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain-text-password")]
    [InlineData("pbkdf2-sha256$0$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$abc$AAAA$AAAA")]
    [InlineData("pbkdf2-sha256$1000$not base64!$AAAA")]
    [InlineData("bcrypt$10$AAAA$AAAA")]
    public void A_stored_value_that_is_not_a_hash_of_this_format_never_verifies(string stored) =>
        Assert.False(Hasher(1000).Verify("whatever password", stored).Valid);
}
