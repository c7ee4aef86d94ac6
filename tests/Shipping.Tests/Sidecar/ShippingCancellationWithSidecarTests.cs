using System.Net;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Sidecar;

/// <summary>
/// Cancellation and concurrent creates against the real store through DaprLocal (SQLite and PostgreSQL),
/// with two-second steps so that a cancel sent right after the create always comes before pickup.
/// A class of its own so that xUnit runs it beside <see cref="ShippingWithSidecarTests"/>.
/// </summary>
public sealed class ShippingCancellationWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql-v1")]
    public async Task A_cancelled_shipment_stops_and_concurrent_creates_make_one_shipment(string storeKind)
    {
        await using var environment = await ShippingEnvironment.StartAsync(storeKind, step: TimeSpan.FromSeconds(2));
        var client = environment.Client();
        var (cancelled, raced) = (NewOrderId(), NewOrderId());

        Assert.Equal(HttpStatusCode.Created, (await CreateAsync(client, Shipment(cancelled))).StatusCode);
        var cancel = await CancelAsync(client, cancelled);
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => CreateAsync(environment.Client(), Shipment(raced))));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.All(responses, response => Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        var bodies = await Task.WhenAll(responses.Select(JsonAsync));
        var stored = await JsonAsync(await GetAsync(client, $"api/shipping/shipments/{raced}"));
        Assert.Single(bodies.Select(body => (Text(body, "shipmentId"), Text(body, "trackingNumber"))).Append((Text(stored, "shipmentId"), Text(stored, "trackingNumber"))).Distinct());
        var label = await (await GetAsync(client, Text(stored, "labelUrl").TrimStart('/'))).Content.ReadAsStringAsync();
        Assert.Contains(Text(stored, "trackingNumber"), label, StringComparison.Ordinal);

        // The raced shipment is delivered after the cancelled one would have been: the cancelled one never moved on.
        await Eventually.TrueAsync(() => environment.Announced(raced).Contains("delivered"), Patience, "the raced shipment delivered");
        Assert.Equal(["labelCreated", "cancelled"], environment.Announced(cancelled).Distinct());
        Assert.Equal("cancelled", Text(await JsonAsync(await GetAsync(client, $"api/shipping/shipments/{cancelled}")), "status"));
    }
}
