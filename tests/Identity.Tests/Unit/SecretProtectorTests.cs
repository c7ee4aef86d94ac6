using System.Security.Cryptography;
using System.Text;
using Ecommerce.Identity.Security;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class SecretProtectorTests
{
    private static SecretProtector WithKey(byte[]? key = null)
    {
        var protector = new SecretProtector();
        protector.UseKey(key ?? RandomNumberGenerator.GetBytes(32));
        return protector;
    }

    [Fact]
    public void What_is_protected_comes_back_and_is_not_readable_at_rest()
    {
        var protector = WithKey();
        var secret = Encoding.ASCII.GetBytes("JBSWY3DPEHPK3PXP-secret");

        var stored = protector.Protect(secret, "user-1");
        var again = protector.Protect(secret, "user-1");

        Assert.StartsWith("v1.", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("JBSWY3DPEHPK3PXP", stored, StringComparison.Ordinal);
        Assert.NotEqual(stored, again);
        Assert.Equal(secret, protector.Unprotect(stored, "user-1"));
    }

    [Fact]
    public void A_changed_ciphertext_another_context_or_another_key_does_not_decrypt()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var protector = WithKey(key);
        var stored = protector.Protect([1, 2, 3, 4], "user-1");
        var bytes = Convert.FromBase64String(stored[3..]);
        bytes[14] ^= 0x01;
        var tampered = "v1." + Convert.ToBase64String(bytes);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(tampered, "user-1"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored, "user-2"));
        Assert.ThrowsAny<CryptographicException>(() => WithKey().Unprotect(stored, "user-1"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("v2." + stored[3..], "user-1"));
        Assert.Equal([1, 2, 3, 4], WithKey(key).Unprotect(stored, "user-1"));
    }

    [Fact]
    public void Without_a_key_nothing_is_protected_and_a_key_must_be_32_bytes()
    {
        var protector = new SecretProtector();

        Assert.False(protector.IsAvailable);
        Assert.Throws<KeyMaterialUnavailableException>(() => protector.Protect([1], "user-1"));
        Assert.Throws<ArgumentException>(() => protector.UseKey(new byte[16]));
    }
}
