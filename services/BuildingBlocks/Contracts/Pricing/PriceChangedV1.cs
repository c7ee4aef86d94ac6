namespace Ecommerce.Contracts.Pricing;

/// <summary>
/// Published on <see cref="Topics.PricingPriceChanged"/> when a SKU's price in a currency is set or
/// changed. Amounts are in the currency's major unit (12.34 EUR). <see cref="Revision"/> grows with
/// every change of that SKU and currency, so a consumer that sees them out of order keeps the highest.
/// </summary>
public sealed record PriceChangedV1(
    string Sku,
    string Currency,
    decimal Price,
    decimal? CompareAtPrice,
    long Revision) : IntegrationEvent
{
    public override int SchemaVersion => 1;
}
