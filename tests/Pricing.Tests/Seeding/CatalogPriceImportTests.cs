using System.Collections.Concurrent;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Seeding;
using Ecommerce.Pricing.Tests.Api;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Pricing.Tests.Seeding;

/// <summary>The import against a stand-in catalog (the two routes it reads) with in-memory stores.</summary>
public sealed class CatalogPriceImportTests
{
    private static readonly Dictionary<string, string[]> Products = new()
    {
        ["p1"] = ["P1-S", "P1-M"],
        ["p2"] = ["P2-ONE"],
        ["p3"] = ["P3-RED", "P3-BLUE", "P3-GREEN"],
    };

    [Fact]
    public async Task Prices_every_sku_without_a_eur_price_once_after_waiting_for_the_catalog()
    {
        var loading = 2; // the catalog answers 503 twice while it loads
        await using var catalog = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/catalog/products", (int page, int pageSize) =>
            {
                if (Interlocked.Decrement(ref loading) >= 0)
                {
                    return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
                }
                var items = Products.Keys.Order(StringComparer.Ordinal).Skip((page - 1) * pageSize).Take(pageSize).Select(id => new { id });
                return Results.Json(new { items, totalCount = Products.Count, page, pageSize });
            });
            app.MapGet("/api/catalog/products/{id}", (string id) => Products.TryGetValue(id, out var skus)
                ? Results.Json(new { id, categoryId = "c1", variants = skus.Select(sku => new { sku, options = new { } }) })
                : Results.NotFound());
        });
        using var http = new HttpClient { BaseAddress = catalog.Address };
        var prices = new InMemoryPriceStore();
        var markers = new InMemoryImportMarkers();
        var book = new PriceBook(prices, TimeProvider.System);
        await book.SetAsync("P2-ONE", "EUR", new SetPriceRequest(5m), null, "admin-1", CancellationToken.None);
        var import = Import(prices, markers, book);

        var set = await import.ImportAsync(http, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(5, set);
        Assert.Equal(5m, (await prices.GetAsync("P2-ONE", "EUR", CancellationToken.None))!.Value.Price);
        foreach (var sku in Products.Values.SelectMany(skus => skus).Where(sku => sku != "P2-ONE"))
        {
            var stored = (await prices.GetAsync(sku, "EUR", CancellationToken.None))!.Value;
            var expected = DemoPrice.For(sku);
            Assert.Equal((expected.Price, expected.CompareAtPrice), (stored.Price, stored.CompareAtPrice));
            Assert.Equal("catalog import", stored.History.Single().ChangedBy);
        }
        // Announced like an admin's change: one pricing.price-changed per price set (and the admin's one).
        Assert.Equal(6, prices.Announced.Count);
        Assert.True(markers.Done.ContainsKey(CatalogPriceImport.MarkerName));

        // A restart does nothing.
        Assert.Equal(0, await Import(prices, markers, book).ImportAsync(http, CancellationToken.None));
        Assert.Equal(6, prices.Announced.Count);
    }

    [Fact]
    public async Task Disabled_by_default()
    {
        var prices = new InMemoryPriceStore();
        var markers = new InMemoryImportMarkers();
        using var import = Import(prices, markers, new PriceBook(prices, TimeProvider.System));

        await import.StartAsync(CancellationToken.None);
        await import.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(import.ExecuteTask.IsCompletedSuccessfully);
        Assert.Empty(markers.Done);
    }

    private static CatalogPriceImport Import(InMemoryPriceStore prices, InMemoryImportMarkers markers, PriceBook book) =>
        new(new ConfigurationBuilder().Build(), prices, markers, book, TimeProvider.System, NullLogger<CatalogPriceImport>.Instance)
        {
            FirstDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        };

    private sealed class InMemoryImportMarkers : IImportMarkers
    {
        public ConcurrentDictionary<string, DateTimeOffset> Done { get; } = new();

        public Task<bool> IsDoneAsync(string name, CancellationToken cancellationToken) => Task.FromResult(Done.ContainsKey(name));

        public Task MarkDoneAsync(string name, DateTimeOffset at, CancellationToken cancellationToken)
        {
            Done[name] = at;
            return Task.CompletedTask;
        }
    }
}
