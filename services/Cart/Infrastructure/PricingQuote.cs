namespace Ecommerce.Cart.Infrastructure;

/// <summary>
/// Pricing's quote (<c>POST /api/pricing/quotes</c>, shape of services/Pricing/Quoting/Quote.cs), the
/// parts the cart shows. Kept as the cart's own records: services share contracts over HTTP, not assemblies.
/// </summary>
public sealed record PricingQuote(
    string Currency,
    IReadOnlyList<PricingQuoteLine> Lines,
    IReadOnlyList<PricingCouponOutcome> Coupons,
    PricingQuoteTotals Totals,
    DateTimeOffset PricedAt);

public sealed record PricingQuoteLine(
    string Sku,
    int Quantity,
    decimal UnitPrice,
    decimal? CompareAtPrice,
    decimal Subtotal,
    IReadOnlyList<PricingDiscount> Discounts,
    decimal DiscountTotal,
    decimal TaxAmount,
    decimal Total);

public sealed record PricingDiscount(string Reason, decimal Amount);

public sealed record PricingCouponOutcome(string Code, bool Applied, string Reason);

public sealed record PricingQuoteTotals(decimal Subtotal, decimal DiscountTotal, decimal ShippingTotal, decimal TaxTotal, decimal Total);

/// <summary>What the cart asks pricing: SKUs and quantities, never prices.</summary>
public sealed record PricingQuoteRequest(string Currency, IReadOnlyList<PricingQuoteLineRequest> Lines, IReadOnlyList<string>? CouponCodes, string? CustomerId);

public sealed record PricingQuoteLineRequest(string Sku, int Quantity, string? CategoryId);

/// <summary>A quote, or the SKUs pricing has no price for in the currency (its 422).</summary>
public sealed record QuoteOutcome(PricingQuote? Quote, IReadOnlyList<string> UnpricedSkus);
