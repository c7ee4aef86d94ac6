namespace Ecommerce.Pricing.Model;

/// <summary>
/// A SKU's price in one currency, as stored in <c>pricing-store</c> under <c>price|{sku}|{currency}</c>,
/// with every change it went through. <see cref="Revision"/> counts changes; it travels in
/// <c>pricing.price-changed</c> so consumers can keep the newest.
/// <para>
/// The history lives in the same document so that a change and its history entry are one write
/// (and one outbox event); at about 120 bytes per change a price can change daily for years
/// before the document becomes large.
/// </para>
/// </summary>
public sealed record PriceRecord(
    string Sku,
    string Currency,
    decimal Price,
    decimal? CompareAtPrice,
    long Revision,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<PriceChange> History)
{
    public PriceView ToView() => new(Sku, Currency, Price, CompareAtPrice, Revision, UpdatedAt);
}

/// <summary>One change of a price: what it became, when, and who changed it (the admin's subject).</summary>
public sealed record PriceChange(long Revision, decimal Price, decimal? CompareAtPrice, DateTimeOffset ChangedAt, string ChangedBy);

/// <summary>A price as the API answers it (without its history).</summary>
public sealed record PriceView(string Sku, string Currency, decimal Price, decimal? CompareAtPrice, long Revision, DateTimeOffset UpdatedAt);

/// <summary>A price's history, oldest change first.</summary>
public sealed record PriceHistory(string Sku, string Currency, IReadOnlyList<PriceChange> Changes);
