using System.Net;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Sidecar;

/// <summary>
/// The real shipping service beside a DaprLocal sidecar over SQLite (embedded profile) and PostgreSQL
/// (local profile): shipments in shipping-store through get, bulk get and save only, the
/// shipping-progress cron binding announcing the simulated carrier's steps on shipments.status-changed.
/// </summary>
public sealed class ShippingWithSidecarTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly string[] Steps = ["labelCreated", "pickedUp", "inTransit", "outForDelivery", "delivered"];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql-v1")]
    public async Task A_shipment_advances_to_delivered_and_every_step_is_announced_in_order(string storeKind)
    {
        await using var environment = await ShippingEnvironment.StartAsync(storeKind, step: TimeSpan.FromSeconds(1));
        var client = environment.Client();
        var orderId = NewOrderId();

        var created = await CreateAsync(client, Shipment(orderId, country: "FR", postalCode: "75001"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var tracking = Text(await JsonAsync(created), "trackingNumber");

        await Eventually.TrueAsync(() => environment.Announced(orderId).Contains("delivered"), Patience, "delivered announced");
        var announced = environment.Announced(orderId);
        Assert.Equal(Steps, announced.Distinct());
        Assert.Equal(announced.OrderBy(status => Array.IndexOf(Steps, status)), announced);
        var tracked = await JsonAsync(await GetAsync(environment.Client(role: null), $"api/shipping/tracking/{tracking}"));
        Assert.Equal("delivered", Text(tracked, "status"));
        Assert.Equal(Steps, Statuses(tracked));
        Assert.Equal(9.90m, (await JsonAsync(await GetAsync(client, $"api/shipping/shipments/{orderId}"))).GetProperty("price").GetDecimal());
    }
}
