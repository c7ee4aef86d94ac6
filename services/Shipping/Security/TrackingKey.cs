using System.Security.Cryptography;
using System.Text;

namespace Ecommerce.Shipping.Security;

/// <summary>
/// The key of the keyed hash behind shipment ids and tracking numbers (see <c>Model/ShipmentIdentity</c>):
/// the secret <c>SHIPPING_TRACKING_KEY</c>, read from the secret store by <see cref="TrackingKeyLoader"/>.
/// The key is the UTF-8 bytes of the secret exactly as stored (not base64-decoded), so a value that was
/// <c>Shipping:TrackingKey</c> before keeps giving the same identities. It must be at least
/// <see cref="MinimumLength"/> characters (the generated one is the base64 of 32 random bytes: 44).
/// Loaded once; never logged, never handed out: only hashes leave this class.
/// </summary>
public sealed class TrackingKey
{
    public const int MinimumLength = 32;

    private byte[]? _key;

    public bool IsLoaded => Volatile.Read(ref _key) is not null;

    /// <summary>Why <paramref name="value"/> cannot be the key (without the value), or null when it can.</summary>
    public static string? Problem(string value) =>
        value.Length < MinimumLength ? $"it is {value.Length} characters long, at least {MinimumLength} are required" : null;

    /// <summary>Uses <paramref name="value"/> as the key unless <see cref="Problem"/> refuses it; a key already loaded stays.</summary>
    public bool TryLoad(string value)
    {
        if (Problem(value) is not null)
        {
            return false;
        }
        Interlocked.CompareExchange(ref _key, Encoding.UTF8.GetBytes(value), null);
        return true;
    }

    /// <summary>HMAC-SHA256 of <paramref name="message"/>'s UTF-8 bytes under the key.</summary>
    /// <exception cref="InvalidOperationException">The key is not loaded (callers check <see cref="IsLoaded"/> first).</exception>
    public byte[] Hash(string message) =>
        HMACSHA256.HashData(
            Volatile.Read(ref _key) ?? throw new InvalidOperationException("The tracking key is not loaded yet."),
            Encoding.UTF8.GetBytes(message));
}
