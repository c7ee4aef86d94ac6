namespace Ecommerce.Gateway.Storefront;

// The parts of the services' answers the storefront reads (catalog's product, pricing's quote,
// inventory's availability), declared here: the gateway references no service project.

internal sealed record CatalogProduct(
    string Id,
    string Name,
    string Slug,
    string Description,
    string Brand,
    string CategoryId,
    Dictionary<string, string>? Attributes,
    List<CatalogVariant>? Variants,
    List<StorefrontMedia>? Media,
    string Status);

internal sealed record CatalogVariant(string Sku, Dictionary<string, string>? Options);

internal sealed record QuoteRequest(string Currency, IReadOnlyList<QuoteRequestLine> Lines);

internal sealed record QuoteRequestLine(string Sku, int Quantity, string? CategoryId);

internal sealed record Quote(string Currency, List<QuotedLine> Lines);

internal sealed record QuotedLine(string Sku, decimal UnitPrice, decimal? CompareAtPrice, decimal Total, List<QuotedDiscount>? Discounts);

internal sealed record QuotedDiscount(string Reason, decimal Amount);

/// <summary>Pricing's 422 for SKUs with no price in the currency names them in <c>skus</c>.</summary>
internal sealed record UnpricedProblem(List<string>? Skus);

internal sealed record AvailabilityRequest(IReadOnlyList<string> Skus);

internal sealed record AvailabilityAnswer(List<SkuAvailability> Items);

internal sealed record SkuAvailability(string Sku, int Available);
