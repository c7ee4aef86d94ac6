namespace Ecommerce.Identity.Security;

/// <summary>
/// What a password must be: 10 to 128 characters, not containing the local part of the account's
/// email, not one of the passwords every attacker tries first. Length over composition rules (NIST SP 800-63B).
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 10;
    public const int MaxLength = 128;

    /// <summary>Shorter local parts ("jo") would refuse too many good passwords by accident.</summary>
    private const int MinLocalPartChecked = 3;

    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "password123", "password1234", "password12345", "passw0rd123", "1234567890", "12345678910", "123456789a",
        "0123456789", "1111111111", "0000000000", "qwertyuiop", "qwerty1234", "qwerty12345", "qwerty123456",
        "1q2w3e4r5t", "1qaz2wsx3edc", "zaq12wsxcde3", "iloveyou123", "letmein123", "welcome123", "welcome1234",
        "administrator", "admin12345", "abc1234567", "abcdefghij", "football123", "baseball123", "sunshine123",
        "princess123", "dragon12345", "monkey12345", "trustno1234", "changeme123", "passwordpassword", "asdfghjkl1",
        "superman123", "starwars123", "michael1234", "p@ssw0rd123", "ecommerce123",
    };

    /// <summary>Why the password is refused, or null when it is acceptable.</summary>
    public static string? Check(string? password, string? email)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength || password.Length > MaxLength)
        {
            return $"A password is {MinLength} to {MaxLength} characters long.";
        }
        if (Common.Contains(password))
        {
            return "This password is too common; choose another.";
        }
        var localPart = LocalPart(email);
        if (localPart is { Length: >= MinLocalPartChecked } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            return "A password must not contain the email address's name.";
        }
        return null;
    }

    private static string? LocalPart(string? email)
    {
        var at = email?.Trim().IndexOf('@', StringComparison.Ordinal) ?? -1;
        return at > 0 ? email!.Trim()[..at] : null;
    }
}
