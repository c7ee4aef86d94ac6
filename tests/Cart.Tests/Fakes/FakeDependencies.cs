using System.Collections.Concurrent;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.ServiceDefaults.Errors;

namespace Ecommerce.Cart.Tests.Fakes;

/// <summary>
/// Catalog, pricing and inventory as the cart sees them, answering from what the test put in,
/// or failing as an unreachable service does when <see cref="Down"/> is set.
/// </summary>
internal sealed class FakeDependencies : ICatalogClient, IPricingClient, IInventoryClient
{
    public ConcurrentDictionary<string, CatalogSku> Skus { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, decimal> Prices { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentDictionary<string, int> Available { get; } = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<PricingQuoteRequest> QuotesAsked { get; } = new();

    /// <summary>The app id of the dependency that is down, or null.</summary>
    public string? Down { get; set; }

    public string Sku(decimal price = 10m, int available = 50, string status = "active")
    {
        var sku = $"SKU-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        Skus[sku] = new CatalogSku(sku, $"product-{sku}", $"Product {sku}", "shoes", status);
        Prices[sku] = price;
        Available[sku] = available;
        return sku;
    }

    public Task<CatalogSku?> FindSkuAsync(string sku, CancellationToken cancellationToken)
    {
        FailIfDown("catalog");
        return Task.FromResult(Skus.GetValueOrDefault(sku));
    }

    public Task<QuoteOutcome> QuoteAsync(PricingQuoteRequest request, CancellationToken cancellationToken)
    {
        FailIfDown("pricing");
        QuotesAsked.Enqueue(request);
        var unpriced = request.Lines.Select(line => line.Sku).Where(sku => !Prices.ContainsKey(sku)).ToList();
        if (unpriced.Count > 0)
        {
            return Task.FromResult(new QuoteOutcome(null, unpriced));
        }
        var lines = request.Lines.Select(line =>
        {
            var subtotal = Prices[line.Sku] * line.Quantity;
            return new PricingQuoteLine(line.Sku, line.Quantity, Prices[line.Sku], null, subtotal, [], 0, 0, subtotal);
        }).ToList();
        var total = lines.Sum(line => line.Total);
        var coupons = (request.CouponCodes ?? []).Select(code => new PricingCouponOutcome(code, false, "Unknown coupon.")).ToList();
        return Task.FromResult(new QuoteOutcome(
            new PricingQuote(request.Currency, lines, coupons, new PricingQuoteTotals(total, 0, 0, 0, total), DateTimeOffset.UtcNow), []));
    }

    public Task<IReadOnlyDictionary<string, int>> AvailabilityAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        FailIfDown("inventory");
        return Task.FromResult<IReadOnlyDictionary<string, int>>(skus.ToDictionary(sku => sku, sku => Available.GetValueOrDefault(sku), StringComparer.OrdinalIgnoreCase));
    }

    private void FailIfDown(string appId)
    {
        if (Down == appId)
        {
            throw new DependencyUnavailableException(appId, "connection refused");
        }
    }
}
