using System.Collections.Concurrent;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Cart.Tests.Sidecar;

/// <summary>
/// Catalog, pricing and inventory as small apps answering their documented contracts, each beside
/// its own sidecar under its real app id, in the test's own <see cref="SharedRuntime"/> (so their
/// names never clash with another test's): the cart reaches them by service invocation exactly as
/// it reaches the real services. Pricing prices from its own table (no discounts, every coupon
/// "unknown"), so the quote the cart shows can only come from here.
/// </summary>
internal sealed class StandInServices : IAsyncDisposable
{
    private readonly List<(string AppId, IAsyncDisposable Part)> _running = [];

    public ConcurrentDictionary<string, (string Status, string CategoryId)> Skus { get; } = new();

    public ConcurrentDictionary<string, decimal> Prices { get; } = new();

    public ConcurrentDictionary<string, int> Available { get; } = new();

    /// <summary>How long pricing takes to answer (a slow dependency); none by default.</summary>
    public TimeSpan PricingDelay { get; set; } = TimeSpan.Zero;

    public static async Task<StandInServices> StartAsync(SharedRuntime shared)
    {
        var services = new StandInServices();
        await services.StartAsync(AppIds.Catalog, shared, app => app.MapGet("/api/catalog/skus/{sku}", (string sku) =>
            services.Skus.TryGetValue(sku, out var found)
                ? Results.Json(new { sku, productId = $"product-{sku}", productName = $"Product {sku}", categoryId = found.CategoryId, status = found.Status, options = new { size = "42" }, imageUrl = (string?)null })
                : Results.Problem(title: "Not found", statusCode: 404)));
        await services.StartAsync(AppIds.Pricing, shared, app => app.MapPost("/api/pricing/quotes", async (JsonElement request, CancellationToken aborted) =>
        {
            await Task.Delay(services.PricingDelay, aborted);
            return services.Quote(request);
        }));
        await services.StartAsync(AppIds.Inventory, shared, app => app.MapPost("/api/inventory/availability", (JsonElement request) => Results.Json(new
        {
            items = request.GetProperty("skus").EnumerateArray()
                .Select(sku => sku.GetString()!)
                .Select(sku => new { sku, available = services.Available.GetValueOrDefault(sku), revision = 1 }),
        })));
        return services;
    }

    /// <summary>Stops the app with this id and its sidecar, as when the service is down.</summary>
    public async Task StopAsync(string appId)
    {
        foreach (var entry in _running.Where(entry => entry.AppId == appId).Reverse().ToList())
        {
            await entry.Part.DisposeAsync();
            _running.Remove(entry);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, part) in Enumerable.Reverse(_running))
        {
            await part.DisposeAsync();
        }
    }

    private async Task StartAsync(string appId, SharedRuntime shared, Action<WebApplication> map)
    {
        var server = await LoopbackServer.StartAsync(map);
        var sidecar = await TestSidecar.StartAsync("", appId: appId, appPort: server.Address.Port, shared: shared);
        _running.Add((appId, server));
        _running.Add((appId, sidecar));
    }

    private IResult Quote(JsonElement request)
    {
        var currency = request.GetProperty("currency").GetString()!;
        var lines = request.GetProperty("lines").EnumerateArray()
            .Select(line => (Sku: line.GetProperty("sku").GetString()!, Quantity: line.GetProperty("quantity").GetInt32(), Category: line.TryGetProperty("categoryId", out var c) ? c.GetString() : null))
            .ToList();
        var unpriced = lines.Select(line => line.Sku).Where(sku => !Prices.ContainsKey(sku)).ToList();
        if (unpriced.Count > 0)
        {
            return Results.Problem(title: "Some SKUs have no price in this currency.", statusCode: 422, extensions: new Dictionary<string, object?> { ["skus"] = unpriced });
        }
        var quoted = lines.Select(line =>
        {
            var subtotal = Prices[line.Sku] * line.Quantity;
            return new
            {
                sku = line.Sku, quantity = line.Quantity, categoryId = line.Category, unitPrice = Prices[line.Sku], compareAtPrice = (decimal?)null,
                subtotal, discounts = Array.Empty<object>(), discountTotal = 0m, netAmount = subtotal, taxAmount = 0m, total = subtotal,
            };
        }).ToList();
        var coupons = request.TryGetProperty("couponCodes", out var codes) && codes.ValueKind == JsonValueKind.Array
            ? codes.EnumerateArray().Select(code => new { code = code.GetString(), applied = false, reason = "Unknown coupon." }).ToList()
            : [];
        var total = quoted.Sum(line => line.total);
        return Results.Json(new
        {
            currency,
            lines = quoted,
            coupons,
            shipping = new { cost = 0m, discount = 0m, total = 0m },
            tax = (object?)null,
            totals = new { subtotal = total, discountTotal = 0m, shippingTotal = 0m, taxTotal = 0m, total },
            pricedAt = DateTimeOffset.UtcNow,
        });
    }
}
