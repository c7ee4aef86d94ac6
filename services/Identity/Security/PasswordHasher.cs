using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ecommerce.Identity.Model;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Security;

/// <summary>
/// PBKDF2-HMAC-SHA256 password hashes in a self-describing format, <c>pbkdf2-sha256$iterations$salt$hash</c>
/// (salt and hash in base64), so the iteration count can grow: a hash made with fewer iterations than
/// configured still verifies and is reported as needing a rehash.
/// </summary>
public sealed class PasswordHasher
{
    private const string Scheme = "pbkdf2-sha256";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;
    private const int MaxIterations = 10_000_000;

    private readonly int _iterations;
    private readonly Lazy<string> _dummy;

    public PasswordHasher(IOptions<IdentityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _iterations = options.Value.PasswordIterations;
        _dummy = new Lazy<string>(() => Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, _iterations);
        return string.Join('$', Scheme, _iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Whether <paramref name="password"/> is the one hashed in <paramref name="stored"/>; compared in constant time.</summary>
    public PasswordCheck Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(stored);
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > MaxIterations)
        {
            return PasswordCheck.Wrong;
        }
        byte[] salt, expected;
        try
        {
            (salt, expected) = (Convert.FromBase64String(parts[2]), Convert.FromBase64String(parts[3]));
        }
        catch (FormatException)
        {
            return PasswordCheck.Wrong;
        }
        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected)
            ? new PasswordCheck(true, iterations < _iterations)
            : PasswordCheck.Wrong;
    }

    /// <summary>The same work as a verification, for an unknown email: the answer's timing tells nothing.</summary>
    public void VerifyAgainstDummy(string password) => Verify(password, _dummy.Value);

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}

/// <summary>The outcome of a password verification.</summary>
public readonly record struct PasswordCheck(bool Valid, bool NeedsRehash)
{
    public static PasswordCheck Wrong => new(false, false);
}
