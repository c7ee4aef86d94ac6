using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Tests.Environment;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// The storefront page when services are missing altogether: no pricing running (a partial page), then
/// no catalog either (503). Stand-ins only, in an environment of its own.
/// </summary>
public sealed class StorefrontDegradedTests
{
    private static readonly TimeSpan NotAHang = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Without_pricing_the_page_is_partial_and_without_catalog_it_is_a_503()
    {
        await using var noPricing = await GatewayEnvironment.StartAsync(standIns: [AppIds.Catalog, AppIds.Inventory]);
        noPricing.StandIn(AppIds.Catalog).Respond = (_, _) => Task.FromResult(Results.Json(new
        {
            id = "p-1", name = "Kettle", slug = "kettle", description = "Boils.", brand = "Acme", categoryId = "kitchen",
            attributes = new Dictionary<string, string>(), media = Array.Empty<object>(), status = "active",
            variants = new[] { new { sku = "KETTLE-1", options = new Dictionary<string, string>(), weightGrams = 900 } },
        }));
        noPricing.StandIn(AppIds.Inventory).Respond = (_, _) => Task.FromResult(Results.Json(new { items = new[] { new { sku = "KETTLE-1", available = 7, revision = 1 } } }));
        using var anonymous = noPricing.Client();

        var partial = await anonymous.GetAsync(new Uri("api/storefront/products/p-1?currency=EUR", UriKind.Relative));
        await noPricing.StopStandInAsync(AppIds.Catalog);
        var watch = Stopwatch.StartNew();
        var catalogDown = await anonymous.GetAsync(new Uri("api/storefront/products/p-1?currency=EUR", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        var page = JsonDocument.Parse(await partial.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Null, page.GetProperty("prices").ValueKind);
        Assert.Equal(7, page.GetProperty("availability").GetProperty("KETTLE-1").GetInt32());
        Assert.Equal(["pricing"], page.GetProperty("missing").EnumerateArray().Select(part => part.GetString()));
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, NotAHang);
        var problem = await Problems.AssertProblemAsync(catalogDown, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("catalog is not answering", problem.GetProperty("detail").GetString());
    }
}
