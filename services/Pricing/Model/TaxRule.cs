namespace Ecommerce.Pricing.Model;

/// <summary>
/// The tax of a jurisdiction: a country, or a region of it. Its id is the jurisdiction's code
/// (<c>FR</c>, <c>US-CA</c>), so there is one rule per jurisdiction. A quote uses the rule of its
/// destination's region when there is one, else the country's, else no tax.
/// <para>
/// With <see cref="PricesIncludeTax"/> (VAT style) the price book's prices already contain the tax:
/// the quote shows the tax inside them and adds nothing. Otherwise (sales-tax style) the tax is
/// added on top. Shipping is not taxed.
/// </para>
/// </summary>
public sealed record TaxRule(
    string Id,
    string Name,
    string Country,
    string? Region,
    decimal RatePercent,
    bool PricesIncludeTax,
    DateTimeOffset UpdatedAt) : IDefinition
{
    public static string JurisdictionId(string country, string? region) => region is null ? country : $"{country}-{region}";
}
