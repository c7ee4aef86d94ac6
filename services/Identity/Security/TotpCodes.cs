using OtpNet;

namespace Ecommerce.Identity.Security;

/// <summary>
/// TOTP (RFC 6238) as authenticator apps do it: SHA-1, 6 digits, 30-second steps. A code is accepted
/// for the current step and one step either side, and only for a step later than the last one
/// accepted for the user, so a code cannot be used twice.
/// </summary>
public static class TotpCodes
{
    public const int Digits = 6;
    public const int StepSeconds = 30;
    public const string Issuer = "Ecommerce";

    private static readonly VerificationWindow Window = new(previous: 1, future: 1);

    public static byte[] NewSecret() => KeyGeneration.GenerateRandomKey(20);

    /// <summary>The time step matched, or null when the code is not valid now or its step was already used.</summary>
    public static long? Verify(byte[] secret, string code, DateTimeOffset now, long lastAcceptedStep)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        var totp = new Totp(secret, StepSeconds, OtpHashMode.Sha1, Digits);
        return totp.VerifyTotp(now.UtcDateTime, code, out var step, Window) && step > lastAcceptedStep ? step : null;
    }

    public static string Base32(byte[] secret) => Base32Encoding.ToString(secret);

    public static string OtpauthUri(string base32Secret, string email) =>
        $"otpauth://totp/{Issuer}:{Uri.EscapeDataString(email)}?secret={base32Secret}&issuer={Issuer}&digits={Digits}&period={StepSeconds}";
}
