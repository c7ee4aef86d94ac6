using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Tests.Environment;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// A service that is down, failing or slow never makes the gateway hang or answer 500: the sidecar's
/// breaker (the gateway's Resiliency resource) stops calls to it, the gateway retries reads once and
/// never writes, and what cannot be reached is a fast 503 problem naming the service.
/// </summary>
public sealed class ResilienceTests
{
    private static readonly TimeSpan NotAHang = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_service_that_is_not_running_is_a_fast_503_problem()
    {
        await using var environment = await GatewayEnvironment.StartAsync();
        using var anonymous = environment.Client();

        var watch = Stopwatch.StartNew();
        var response = await anonymous.GetAsync(new Uri("api/catalog/products", UriKind.Relative));

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, NotAHang);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Service unavailable", problem.GetProperty("title").GetString());
        Assert.Equal("catalog is not answering", problem.GetProperty("detail").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_gateways_own_sidecar_unreachable_is_a_503_problem()
    {
        await using var jwks = await JwksServer.StartAsync();
        var port = TestSidecar.FreePort();
        await using var gateway = new GatewayOnKestrel(port, LoopbackServer.UnusedAddress(), jwks, new Dictionary<string, string>());
        gateway.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };

        var watch = Stopwatch.StartNew();
        var response = await client.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });

        Assert.InRange(watch.Elapsed, TimeSpan.Zero, NotAHang);
        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("cart is not answering", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_apps_own_500_problem_is_relayed_as_it_is()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Cart]);
        environment.StandIn(AppIds.Cart).Respond = (_, _) => Task.FromResult(Results.Problem(title: "The cart broke.", statusCode: 500));
        using var anonymous = environment.Client();

        var response = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });

        var problem = await Problems.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("The cart broke.", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_breaker_opens_after_failures_and_one_probe_closes_it_when_the_service_is_back()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Cart]);
        var cart = environment.StandIn(AppIds.Cart);
        var healthy = false;
        cart.Respond = (_, _) => Task.FromResult(healthy ? Results.Ok(new { lines = Array.Empty<object>() }) : Results.Problem(title: "Overloaded", statusCode: 503));
        using var anonymous = environment.Client();

        // POSTs, which the gateway never retries: each one is exactly one call.
        for (var i = 0; i < GatewayResiliency.TripAfterFailures; i++)
        {
            var failing = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });
            Assert.Equal("Overloaded", (await Problems.AssertProblemAsync(failing, HttpStatusCode.ServiceUnavailable)).GetProperty("title").GetString());
        }
        var watch = Stopwatch.StartNew();
        var whileOpen = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });
        Assert.InRange(watch.Elapsed, TimeSpan.Zero, NotAHang);
        Assert.Equal("cart is not answering", (await Problems.AssertProblemAsync(whileOpen, HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
        Assert.Equal(GatewayResiliency.TripAfterFailures, cart.CallsTo("/api/cart/lines"));

        healthy = true;
        await Task.Delay(GatewayResiliency.OpenFor + TimeSpan.FromMilliseconds(200));
        var probe = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });
        var afterwards = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });

        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
        Assert.Equal(GatewayResiliency.TripAfterFailures + 2, cart.CallsTo("/api/cart/lines"));
    }

    [Fact]
    public async Task A_read_is_retried_once_and_a_write_never()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Cart]);
        var cart = environment.StandIn(AppIds.Cart);
        var calls = 0;
        cart.Respond = (request, _) => Task.FromResult(request.Method == "GET" && Interlocked.Increment(ref calls) > 1
            ? Results.Ok(new { lines = Array.Empty<object>() })
            : Results.Problem(title: "Briefly unavailable", statusCode: 503));
        using var anonymous = environment.Client();

        var read = await anonymous.GetAsync(new Uri("api/cart", UriKind.Relative));
        var write = await anonymous.PostAsJsonAsync("api/cart/lines", new { sku = "SKU-1", quantity = 1 });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(2, cart.CallsTo("/api/cart"));
        await Problems.AssertProblemAsync(write, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(1, cart.CallsTo("/api/cart/lines"));
    }

    [Fact]
    public async Task A_service_slower_than_the_sidecars_timeout_is_a_503_not_a_hang()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Cart]);
        environment.StandIn(AppIds.Cart).Respond = async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return Results.Ok();
        };
        using var anonymous = environment.Client();

        var watch = Stopwatch.StartNew();
        var response = await anonymous.GetAsync(new Uri("api/cart", UriKind.Relative));

        // The sidecar's timeout; the failure took longer than the retry budget, so it is not retried.
        Assert.InRange(watch.Elapsed, GatewayResiliency.Timeout - TimeSpan.FromMilliseconds(100), GatewayResiliency.Timeout + NotAHang);
        Assert.Equal("cart is not answering", (await Problems.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable)).GetProperty("detail").GetString());
        Assert.Equal(1, environment.StandIn(AppIds.Cart).CallsTo("/api/cart"));
    }
}
