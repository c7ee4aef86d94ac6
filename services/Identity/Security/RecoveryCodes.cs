using System.Security.Cryptography;

namespace Ecommerce.Identity.Security;

/// <summary>
/// Single-use recovery codes (<c>xxxxx-xxxxx</c>, about 50 bits each), shown once at MFA confirmation
/// and stored only as SHA-256 hashes of their normalised form (lower case, no separators).
/// </summary>
public static class RecoveryCodes
{
    public const int Count = 10;

    private const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    public static IReadOnlyList<string> Generate() =>
        [.. Enumerable.Range(0, Count).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5) + "-" + RandomNumberGenerator.GetString(Alphabet, 5))];

    public static string Hash(string code) => OpaqueTokens.Hash(Normalise(code));

    /// <summary>The stored hash the code matches (compared in constant time), or null.</summary>
    public static string? Match(string code, IReadOnlyList<string> hashes)
    {
        ArgumentNullException.ThrowIfNull(hashes);
        var hash = Hash(code);
        string? found = null;
        foreach (var candidate in hashes)
        {
            if (OpaqueTokens.SameHash(candidate, hash))
            {
                found = candidate;
            }
        }
        return found;
    }

    private static string Normalise(string code) =>
        new([.. code.Where(c => c != '-' && !char.IsWhiteSpace(c)).Select(char.ToLowerInvariant)]);
}
