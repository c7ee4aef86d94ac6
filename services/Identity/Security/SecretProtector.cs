using System.Security.Cryptography;
using System.Text;

namespace Ecommerce.Identity.Security;

/// <summary>
/// Encrypts small secrets (TOTP secrets) at rest with AES-256-GCM under the data key (secret
/// <c>IDENTITY_DATA_KEY</c>). The output is <c>v1.</c> + base64(nonce | ciphertext | tag); the
/// context (the user id) is authenticated too, so a ciphertext moved to another user does not decrypt.
/// </summary>
public sealed class SecretProtector
{
    private const string Version = "v1.";
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private byte[]? _key;

    public bool IsAvailable => Volatile.Read(ref _key) is not null;

    /// <summary>Sets the key (32 bytes).</summary>
    public void UseKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"The data key must be {KeyBytes} bytes, not {key.Length}.", nameof(key));
        }
        Volatile.Write(ref _key, [.. key]);
    }

    public string Protect(byte[] plaintext, string context)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var output = new byte[NonceBytes + plaintext.Length + TagBytes];
        var nonce = output.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Encrypt(nonce, plaintext, output.AsSpan(NonceBytes, plaintext.Length), output.AsSpan(NonceBytes + plaintext.Length), Encoding.UTF8.GetBytes(context));
        return Version + Convert.ToBase64String(output);
    }

    /// <summary>The plaintext; a <see cref="CryptographicException"/> when the value was altered or belongs to another context.</summary>
    public byte[] Unprotect(string protectedValue, string context)
    {
        ArgumentNullException.ThrowIfNull(protectedValue);
        if (!protectedValue.StartsWith(Version, StringComparison.Ordinal))
        {
            throw new CryptographicException("Unknown protected value format.");
        }
        byte[] input;
        try
        {
            input = Convert.FromBase64String(protectedValue[Version.Length..]);
        }
        catch (FormatException error)
        {
            throw new CryptographicException("The protected value is not base64.", error);
        }
        if (input.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The protected value is too short.");
        }
        var length = input.Length - NonceBytes - TagBytes;
        var plaintext = new byte[length];
        using var aes = new AesGcm(Key(), TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes, length), input.AsSpan(NonceBytes + length), plaintext, Encoding.UTF8.GetBytes(context));
        return plaintext;
    }

    private byte[] Key() => Volatile.Read(ref _key) ?? throw new KeyMaterialUnavailableException("The data key is not loaded.");
}
