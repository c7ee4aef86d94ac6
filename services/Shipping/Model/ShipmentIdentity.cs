using System.Text;
using Ecommerce.Shipping.Security;

namespace Ecommerce.Shipping.Model;

/// <summary>
/// The shipment id and tracking number of an order, derived from the order id with HMAC-SHA256
/// keyed by <see cref="Security.TrackingKey"/> (the secret <c>SHIPPING_TRACKING_KEY</c>). Deterministic, so two concurrent creates for
/// one order compute the same identity and write the same documents; keyed, so that knowing an
/// order id (or a tracking number) does not let anyone compute another order's tracking number.
/// </summary>
public sealed class ShipmentIdentity(TrackingKey key)
{
    // Crockford's base 32: no I, L, O, U, so a number read aloud or typed is hard to get wrong.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>"TRK" and 16 base-32 characters: 80 bits of the keyed hash.</summary>
    public string TrackingNumber(string orderId) => "TRK" + Encode(Hash("tracking", orderId), 16);

    public string ShipmentId(string orderId) => "shp_" + Convert.ToHexStringLower(Hash("shipment", orderId))[..24];

    /// <summary>Whether <paramref name="id"/> has the shape of a shipment id ("shp_" and 24 lower-case hexadecimal digits).</summary>
    public static bool IsShipmentId(string id) => id.Length == 28 && id.StartsWith("shp_", StringComparison.Ordinal) && id[4..].All(char.IsAsciiHexDigitLower);

    private byte[] Hash(string purpose, string orderId) => key.Hash($"{purpose}|{orderId}");

    private static string Encode(byte[] bytes, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            // Five bits at a time from the start of the hash.
            var bit = i * 5;
            var value = ((bytes[bit / 8] << 8) | bytes[(bit / 8) + 1]) >> (11 - (bit % 8)) & 0x1F;
            text.Append(Alphabet[value]);
        }
        return text.ToString();
    }
}
