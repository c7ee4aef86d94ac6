using System.Collections.Concurrent;
using Dapr.Client;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Extensions;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.Inventory.Seeding;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Ecommerce.Inventory.Tests;

public sealed class CatalogStockImportTests
{
    [Fact]
    public void Quantity_is_deterministic_and_between_0_and_40()
    {
        var skus = Enumerable.Range(0, 4000).Select(i => $"SKU-{i:D5}").ToList();
        var quantities = skus.Select(DemoStock.QuantityFor).ToList();

        Assert.Equal(quantities, skus.Select(DemoStock.QuantityFor));
        Assert.All(quantities, quantity => Assert.InRange(quantity, 0, DemoStock.MaxQuantity));
        var outOfStock = quantities.Count(quantity => quantity == 0) / (double)quantities.Count;
        Assert.InRange(outOfStock, 0.09, 0.16);
        Assert.True(quantities.Distinct().Count() > 30);
    }

    [Fact]
    public void Quantity_is_a_fixed_function_of_the_sku() =>
        // FNV-1a of the UTF-8 bytes: the same on every machine and every run.
        Assert.Equal(DemoStock.QuantityFor("TRAIL-BOOT-42-BLK"), DemoStock.QuantityFor(new string("TRAIL-BOOT-42-BLK".ToCharArray())));

    [Fact]
    public async Task Imports_every_sku_without_stock_from_a_stand_in_catalog()
    {
        // 150 products over two pages, two variants each; the first listing answers 503 (catalog loading).
        var products = Enumerable.Range(1, 150).Select(i => $"p{i}").ToList();
        var listings = 0;
        await using var catalog = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/api/catalog/products", (int page, int pageSize) =>
                Interlocked.Increment(ref listings) == 1
                    ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                    : Results.Json(new
                    {
                        items = products.Skip((page - 1) * pageSize).Take(pageSize).Select(id => new { id }),
                        totalCount = products.Count,
                    }));
            app.MapGet("/api/catalog/products/{id}", (string id) =>
                Results.Json(new { id, variants = new[] { new { sku = $"{id}-A".ToUpperInvariant() }, new { sku = $"{id}-B".ToUpperInvariant() } } }));
        });

        var items = new FakeItems();
        items.Existing["P1-A"] = 7; // already stocked: left alone
        var warehouses = new FakeWarehouses();
        using var dapr = new DaprClientBuilder().Build();
        using var import = new CatalogStockImport(
            Options.Create(new InventoryOptions { ImportCatalogStock = true }),
            new ConfigurationBuilder().Build(),
            dapr,
            warehouses,
            items,
            TimeProvider.System,
            NullLogger<CatalogStockImport>.Instance);
        using var http = new HttpClient { BaseAddress = catalog.Address };

        var imported = await import.ImportAsync(http, CancellationToken.None);

        Assert.Equal(CatalogStockImport.WarehouseId, Assert.Single(warehouses.Saved));
        var expected = products
            .SelectMany(id => new[] { $"{id}-A".ToUpperInvariant(), $"{id}-B".ToUpperInvariant() })
            .Where(sku => sku != "P1-A" && DemoStock.QuantityFor(sku) > 0)
            .ToDictionary(sku => sku, DemoStock.QuantityFor);
        Assert.Equal(expected.Count, imported);
        Assert.Equal(expected.OrderBy(pair => pair.Key), items.Adjusted.Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Change)).OrderBy(pair => pair.Key));
        Assert.All(items.Adjusted.Values, command =>
        {
            Assert.Equal(CatalogStockImport.WarehouseId, command.WarehouseId);
            Assert.Equal("initial import", command.Note);
            Assert.Equal("catalog import", command.AdjustedBy);
        });
    }

    private sealed class FakeWarehouses : IWarehouseStore
    {
        public List<string> Saved { get; } = [];

        public Task<IReadOnlyList<Warehouse>> ListAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<Warehouse?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult<Warehouse?>(null);

        public Task<SavedWarehouse?> SaveAsync(string id, string name, DateTimeOffset now, CancellationToken cancellationToken)
        {
            Saved.Add(id);
            return Task.FromResult<SavedWarehouse?>(new SavedWarehouse(new Warehouse(id, name, now, now), Created: true));
        }
    }

    private sealed class FakeItems : IInventoryItems
    {
        public ConcurrentDictionary<string, int> Existing { get; } = new();

        public ConcurrentDictionary<string, AdjustCommand> Adjusted { get; } = new();

        public Task<AdjustmentOutcome> AdjustAsync(string sku, AdjustCommand command, CancellationToken cancellationToken)
        {
            Assert.True(Adjusted.TryAdd(sku, command), $"{sku} adjusted twice");
            var stock = new StockLevel(sku, new Dictionary<string, int>(), command.Change, 0, command.Change, 5, 1, 1, []);
            return Task.FromResult(new AdjustmentOutcome(
                new Adjustment(sku, 1, command.WarehouseId, command.Change, command.Reason, command.Note, command.AdjustedBy, command.Change, command.Change, 1, DateTimeOffset.UtcNow),
                null,
                stock));
        }

        public Task<StockLevel> GetStockAsync(string sku, CancellationToken cancellationToken)
        {
            var onHand = Existing.GetValueOrDefault(sku);
            return Task.FromResult(new StockLevel(sku, new Dictionary<string, int>(), onHand, 0, onHand, 5, onHand > 0 ? 1 : 0, onHand > 0 ? 1 : 0, []));
        }

        public Task<ReservationOutcome> ReserveAsync(string sku, ReserveCommand command, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReservationOutcome> CommitAsync(string sku, string reservationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ReservationOutcome> ReleaseAsync(string sku, string reservationId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<StockLevel> SetLowStockThresholdAsync(string sku, int threshold, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
