using System.Text.Json.Serialization;

namespace Ecommerce.Gateway.Storefront;

/// <summary>
/// A product page in one answer: the product from catalog, each SKU's price (pricing, in
/// <see cref="Currency"/>) and available units (inventory). A part that did not answer in time is
/// null and named in <see cref="Missing"/>; the page is then partial, never an error.
/// </summary>
/// <param name="Product">The product as catalog has it.</param>
/// <param name="Currency">The currency of the prices.</param>
/// <param name="Prices">Price per SKU; a SKU without a price in the currency is absent. Null when pricing did not answer.</param>
/// <param name="Availability">Available units per SKU. Null when inventory did not answer.</param>
/// <param name="Missing">The parts left out (<c>pricing</c>, <c>inventory</c>); empty when the page is complete.</param>
public sealed record StorefrontProductView(
    StorefrontProduct Product,
    string Currency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, StorefrontPrice>? Prices,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] IReadOnlyDictionary<string, int>? Availability,
    IReadOnlyList<string> Missing);

/// <summary>What a shopper sees of a catalog product (drafts never get here: catalog hides them).</summary>
public sealed record StorefrontProduct(
    string Id,
    string Name,
    string Slug,
    string Description,
    string Brand,
    string CategoryId,
    IReadOnlyDictionary<string, string> Attributes,
    IReadOnlyList<StorefrontVariant> Variants,
    IReadOnlyList<StorefrontMedia> Media,
    string Status);

/// <summary>One sellable version of the product, keyed by SKU.</summary>
public sealed record StorefrontVariant(string Sku, IReadOnlyDictionary<string, string> Options);

public sealed record StorefrontMedia(Uri Url, string AltText, int Order);

/// <summary>
/// The price of one unit as pricing quotes it to this shopper: <see cref="Amount"/> after the automatic
/// discounts and promotions that apply, <see cref="UnitPrice"/> the price book's, <see cref="CompareAtPrice"/>
/// the struck-through "was" price when there is one, and why it is lower.
/// </summary>
public sealed record StorefrontPrice(decimal Amount, decimal UnitPrice, decimal? CompareAtPrice, IReadOnlyList<string> Reasons);
