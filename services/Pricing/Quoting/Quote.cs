namespace Ecommerce.Pricing.Quoting;

/// <summary>
/// A priced cart. Every amount is in <see cref="Currency"/>, rounded to its minor unit, never
/// negative, and the figures add up exactly (see <see cref="QuoteTotals"/>).
/// </summary>
public sealed record Quote(
    string Currency,
    IReadOnlyList<QuotedLine> Lines,
    IReadOnlyList<CouponOutcome> Coupons,
    QuotedShipping Shipping,
    QuotedTax? Tax,
    QuoteTotals Totals,
    DateTimeOffset PricedAt);

/// <summary>
/// One line: <see cref="Subtotal"/> = unit price × quantity; <see cref="NetAmount"/> = subtotal −
/// <see cref="DiscountTotal"/>; <see cref="Total"/> = net amount, plus <see cref="TaxAmount"/> when
/// tax is added on top (when prices include tax, the tax amount is the part of the net amount that is tax).
/// </summary>
public sealed record QuotedLine(
    string Sku,
    int Quantity,
    string? CategoryId,
    decimal UnitPrice,
    decimal? CompareAtPrice,
    decimal Subtotal,
    IReadOnlyList<AppliedDiscount> Discounts,
    decimal DiscountTotal,
    decimal NetAmount,
    decimal TaxAmount,
    decimal Total);

/// <summary>Where a discount came from.</summary>
public enum DiscountSource
{
    Promotion,
    Discount,
    Coupon,
}

/// <summary>An amount taken off a line, with the id of what gave it and the reason to show the shopper.</summary>
public sealed record AppliedDiscount(DiscountSource Source, string SourceId, string Reason, decimal Amount);

/// <summary>Whether a coupon the shopper entered was applied, and why (or why not).</summary>
public sealed record CouponOutcome(string Code, bool Applied, string Reason);

/// <summary>Shipping as the caller quoted it, what a promotion took off, and what remains to pay.</summary>
public sealed record QuotedShipping(decimal Cost, decimal Discount, decimal Total, string? Reason);

/// <summary>The tax rule used, when the destination has one.</summary>
public sealed record QuotedTax(string RuleId, string Name, decimal RatePercent, bool IncludedInPrices);

/// <summary>
/// <see cref="Total"/> = <see cref="Subtotal"/> − <see cref="DiscountTotal"/> + <see cref="ShippingTotal"/>
/// + <see cref="TaxTotal"/> when tax is added on top (when prices include tax, the tax is already inside the subtotal).
/// Equivalently, the sum of the lines' totals plus the shipping total.
/// </summary>
public sealed record QuoteTotals(decimal Subtotal, decimal DiscountTotal, decimal ShippingTotal, decimal TaxTotal, decimal Total);
