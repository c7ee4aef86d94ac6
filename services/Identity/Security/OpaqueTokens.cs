using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Ecommerce.Identity.Security;

/// <summary>
/// Refresh, verification, reset and MFA sign-in tokens: 32 random bytes in base64url, given to the
/// client once and stored only as their SHA-256 (hex), which is also the key they are found by.
/// </summary>
public static class OpaqueTokens
{
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string? left, string? right) =>
        left is not null && right is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(left), Encoding.ASCII.GetBytes(right));
}
