namespace Ecommerce.Pricing.Model;

/// <summary>An admin's tax rule, to create or to replace one; the country and region make its id.</summary>
public sealed record TaxRuleRequest(string Country, decimal RatePercent, bool PricesIncludeTax, string? Region = null, string Name = "")
{
    public string JurisdictionId() => TaxRule.JurisdictionId(Country, Region);

    public TaxRule ToTaxRule(DateTimeOffset now) => new(JurisdictionId(), Name.Trim(), Country, Region, RatePercent, PricesIncludeTax, now);
}
