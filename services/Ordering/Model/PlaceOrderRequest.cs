using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecommerce.Contracts;

namespace Ecommerce.Ordering.Model;

/// <summary>
/// <c>POST /api/orders</c>: where to ship, how fast, which of the customer's payment methods and which coupon. The
/// lines are not in the request: they are the customer's cart. Every field is nullable so that a missing one is a
/// field error (400), not an unreadable body.
/// </summary>
public sealed record PlaceOrderRequest(
    ShippingAddressRequest? ShippingAddress,
    string? ShippingMethod,
    string? PaymentMethodId,
    string? CouponCode = null,
    string? Currency = null)
{
    /// <summary>The platform's currency: the one the price book is imported in and shipping's rate table quotes.</summary>
    public const string DefaultCurrency = "EUR";

    [JsonIgnore]
    public string EffectiveCurrency => Currency ?? DefaultCurrency;

    [JsonIgnore]
    public ShippingMethod Method => Enum.Parse<ShippingMethod>(ShippingMethod!, ignoreCase: true);

    /// <summary>
    /// What makes two submissions with one idempotency key "the same request": a hash of the normalised request
    /// (defaults applied, method in lower case). Only valid requests are fingerprinted.
    /// </summary>
    public string Fingerprint()
    {
        var normal = this with { ShippingMethod = ShippingMethod!.ToLowerInvariant(), Currency = EffectiveCurrency };
        var json = JsonSerializer.SerializeToUtf8Bytes(normal, JsonConventions.Options);
        return Convert.ToHexStringLower(SHA256.HashData(json));
    }

    public ShippingAddress Address() => new(
        ShippingAddress!.Recipient!.Trim(),
        ShippingAddress.Line1!.Trim(),
        string.IsNullOrWhiteSpace(ShippingAddress.Line2) ? null : ShippingAddress.Line2.Trim(),
        ShippingAddress.City!.Trim(),
        string.IsNullOrWhiteSpace(ShippingAddress.Region) ? null : ShippingAddress.Region.Trim(),
        ShippingAddress.PostalCode!,
        ShippingAddress.Country!,
        string.IsNullOrWhiteSpace(ShippingAddress.Phone) ? null : ShippingAddress.Phone.Trim());
}

/// <summary>The shipping address as a client sends it.</summary>
public sealed record ShippingAddressRequest(
    string? Recipient,
    string? Line1,
    string? Line2,
    string? City,
    string? Region,
    string? PostalCode,
    string? Country,
    string? Phone);

