using System.Collections.Concurrent;
using System.Text.Json;
using Dapr.Workflow;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Extensions;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow.Activities;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Ecommerce.Ordering.Tests.Unit;

/// <summary>
/// Step 6 asks cart to take out exactly the order's lines (never to empty the cart), through the sidecar's invocation
/// API — here a loopback server standing in for the sidecar, which records what it was asked.
/// </summary>
public sealed class ClearCartActivityTests : IAsyncLifetime
{
    private readonly InMemoryTransactionalStore _store = new();
    private readonly ConcurrentQueue<(string Method, string Path, JsonElement? Body)> _asked = new();
    private LoopbackServer _sidecar = null!;
    private int _answer = StatusCodes.Status200OK;

    public async Task InitializeAsync() => _sidecar = await LoopbackServer.StartAsync(app => app.Run(async http =>
    {
        JsonElement? body = http.Request.ContentLength > 0 || http.Request.ContentType is not null
            ? await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body)
            : null;
        _asked.Enqueue((http.Request.Method, http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, body));
        http.Response.StatusCode = _answer;
        await http.Response.WriteAsJsonAsync<object>(_answer == StatusCodes.Status200OK
            ? new { id = "customer 1", lines = Array.Empty<object>() }
            : new { title = "One or more fields are not valid.", status = _answer });
    }));

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task It_posts_the_orders_snapshotted_lines_to_the_customers_checked_out_orders()
    {
        await ActivityAsync().RunAsync(new ActivityContext(), new OrderStep("ord-1"));

        var (method, path, body) = Assert.Single(_asked);
        Assert.Equal(("POST", "/v1.0/invoke/cart/method/api/carts/customers/customer%201/checked-out-orders"), (method, path));
        Assert.Equal("ord-1", body!.Value.GetProperty("orderId").GetString());
        Assert.Equal([("SKU-1", 2), ("SKU-2", 1)],
            body.Value.GetProperty("lines").EnumerateArray().Select(line => (line.GetProperty("sku").GetString(), line.GetProperty("quantity").GetInt32())));
    }

    [Fact]
    public async Task A_refusal_fails_the_step_with_carts_reason()
    {
        _answer = StatusCodes.Status400BadRequest;

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ActivityAsync().RunAsync(new ActivityContext(), new OrderStep("ord-1")));

        Assert.Contains("One or more fields are not valid.", failure.Message, StringComparison.Ordinal);
    }

    private ClearCartActivity ActivityAsync()
    {
        var options = Options.Create(new OrderingOptions());
        var orders = new OrderRepository(_store, options);
        var now = DateTimeOffset.UtcNow;
        _store.Put(OrderingStateKeys.Order("ord-1"), new Order("ord-1", "customer 1", OrderStatus.Submitted, [new OrderLine("SKU-1", 2, "shoes", 10m), new OrderLine("SKU-2", 1)], null, "EUR",
            new ShippingAddress("Ada", "Street 1", null, "Berlin", null, "10115", "DE", null), ShippingMethod.Standard, "pm-1", null,
            [new StatusChange(OrderStatus.Submitted, now, "order placed")], now, now, "fingerprint"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DAPR_HTTP_ENDPOINT"] = _sidecar.Address.ToString() }).Build();
#pragma warning disable CA2000 // The invoker's HttpClient lives as long as the test.
        return new ClearCartActivity(orders, new ServiceInvoker(configuration, options.Value.DependencyTimeout));
#pragma warning restore CA2000
    }

    private sealed class ActivityContext : WorkflowActivityContext
    {
        public override TaskIdentifier Identifier => new("test");

        public override string TaskExecutionKey => "key";

        public override string InstanceId => "ord-1";
    }
}
