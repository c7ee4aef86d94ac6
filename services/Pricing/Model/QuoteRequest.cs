using System.Text.Json.Serialization;

namespace Ecommerce.Pricing.Model;

/// <summary>
/// What the cart's priced view and the checkout's price step ask for. Lines carry no price: the
/// price book is the only source of prices. The category id comes from the caller because the
/// catalog, not pricing, owns categories.
/// </summary>
/// <param name="Currency">The currency of the price book to use.</param>
/// <param name="Lines">The SKUs and quantities.</param>
/// <param name="CouponCodes">Codes the shopper entered, in the order entered (it decides which non-combinable coupon wins).</param>
/// <param name="Destination">Where the goods go; it selects the tax rule. Without it no tax is computed.</param>
/// <param name="CustomerId">The shopper, for per-customer coupon limits. A signed-in customer's own id is taken from the token instead.</param>
/// <param name="ShippingCost">What shipping costs before promotions, as the caller (the shipping service) quoted it.</param>
public sealed record QuoteRequest(
    string Currency,
    IReadOnlyList<QuoteLineRequest> Lines,
    IReadOnlyList<string>? CouponCodes = null,
    Destination? Destination = null,
    string? CustomerId = null,
    decimal ShippingCost = 0)
{
    [JsonIgnore]
    public IReadOnlyList<string> Coupons => CouponCodes ?? [];
}

/// <summary>A SKU, how many, and the SKU's category (for category-scoped discounts).</summary>
public sealed record QuoteLineRequest(string Sku, int Quantity, string? CategoryId = null);

/// <summary>An ISO 3166 country and, optionally, the region inside it (the part after the hyphen in US-CA).</summary>
public sealed record Destination(string Country, string? Region = null);
