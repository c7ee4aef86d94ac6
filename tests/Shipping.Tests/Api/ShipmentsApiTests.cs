using System.Net;
using static Ecommerce.Shipping.Tests.Api.ShippingRequests;

namespace Ecommerce.Shipping.Tests.Api;

/// <summary>The shipment endpoints as the checkout saga uses them, with one-hour carrier steps and a hand-moved clock.</summary>
public sealed class ShipmentsApiTests(ShippingApiFactory factory) : IClassFixture<ShippingApiFactory>
{
    [Fact]
    public async Task Creating_twice_for_one_order_gives_the_same_shipment_201_then_200()
    {
        var ordering = factory.Ordering();
        var orderId = NewOrderId();

        var first = await CreateAsync(ordering, Shipment(orderId));
        var again = await CreateAsync(ordering, Shipment(orderId));
        var different = await CreateAsync(ordering, Shipment(orderId, method: "express"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal($"/api/shipping/shipments/{orderId}", first.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var (created, repeated) = (await JsonAsync(first), await JsonAsync(again));
        Assert.Equal(
            (Text(created, "shipmentId"), Text(created, "trackingNumber"), Text(created, "labelUrl"), Text(created, "createdAt")),
            (Text(repeated, "shipmentId"), Text(repeated, "trackingNumber"), Text(repeated, "labelUrl"), Text(repeated, "createdAt")));
        Assert.Equal(("labelCreated", "standard", 4.90m, "EUR", "2026-11-05"),
            (Text(created, "status"), Text(created, "method"), created.GetProperty("price").GetDecimal(), Text(created, "currency"), Text(created, "estimatedDelivery")[..10]));
        Assert.Equal(HttpStatusCode.Conflict, different.StatusCode);
        Assert.Equal("different-shipment", Text(await JsonAsync(different), "reason"));
    }

    [Fact]
    public async Task An_undeliverable_postal_code_is_a_422_with_its_reason_and_stores_nothing()
    {
        var orderId = NewOrderId();

        var refused = await CreateAsync(factory.Ordering(), Shipment(orderId, postalCode: "00000"));
        var noOvernightAbroad = await CreateAsync(factory.Ordering(), Shipment(NewOrderId(), method: "overnight", country: "US"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("undeliverable", Text(await JsonAsync(refused), "reason"));
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.Ordering(), $"api/shipping/shipments/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noOvernightAbroad.StatusCode);
        Assert.Equal("method-unavailable", Text(await JsonAsync(noOvernightAbroad), "reason"));
    }

    [Fact]
    public async Task A_shipment_can_be_cancelled_before_pickup_idempotently_and_not_after()
    {
        var ordering = factory.Ordering();
        var (early, late) = (NewOrderId(), NewOrderId());
        await CreateAsync(ordering, Shipment(early));
        await CreateAsync(ordering, Shipment(late));

        factory.Clock.Advance(TimeSpan.FromMinutes(30));
        var cancelled = await CancelAsync(ordering, early);
        factory.Clock.Advance(TimeSpan.FromMinutes(31));
        var cancelledAgain = await CancelAsync(ordering, early);
        var tooLate = await CancelAsync(ordering, late);
        var unknown = await CancelAsync(ordering, NewOrderId());
        var afterwards = await JsonAsync(await GetAsync(ordering, $"api/shipping/shipments/{early}"));

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", Text(await JsonAsync(cancelled), "status"));
        Assert.Equal(HttpStatusCode.OK, cancelledAgain.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, tooLate.StatusCode);
        Assert.Equal("picked-up", Text(await JsonAsync(tooLate), "reason"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(["labelCreated", "cancelled"], Statuses(afterwards));
    }

    [Fact]
    public async Task The_status_follows_the_carriers_pace_and_tracking_shows_it_without_the_address()
    {
        var orderId = NewOrderId();
        var created = await JsonAsync(await CreateAsync(factory.Ordering(), Shipment(orderId)));
        var tracking = Text(created, "trackingNumber");

        factory.Clock.Advance(TimeSpan.FromMinutes(150));
        var midway = await JsonAsync(await GetAsync(factory.CreateClient(), $"api/shipping/tracking/{tracking}"));
        factory.Clock.Advance(TimeSpan.FromHours(2));
        var delivered = await JsonAsync(await GetAsync(factory.CreateClient(), $"api/shipping/tracking/{tracking}"));
        var unknown = await GetAsync(factory.CreateClient(), "api/shipping/tracking/TRK0000000000000000");
        var malformed = await GetAsync(factory.CreateClient(), "api/shipping/tracking/shipment%7C1");

        Assert.Equal("inTransit", Text(midway, "status"));
        Assert.Equal(["labelCreated", "pickedUp", "inTransit"], Statuses(midway));
        Assert.Equal("delivered", Text(delivered, "status"));
        Assert.Equal(["labelCreated", "pickedUp", "inTransit", "outForDelivery", "delivered"], Statuses(delivered));
        Assert.Equal(Text(created, "createdAt"), Text(delivered.GetProperty("history")[0], "at"));
        Assert.False(delivered.TryGetProperty("address", out _));
        Assert.False(delivered.TryGetProperty("orderId", out _));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
    }

    [Fact]
    public async Task The_label_is_a_text_document_naming_the_tracking_number_and_address()
    {
        var created = await JsonAsync(await CreateAsync(factory.Ordering(), Shipment(NewOrderId())));

        var label = await GetAsync(factory.ClientAs("support"), Text(created, "labelUrl").TrimStart('/'));

        Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        Assert.Equal("text/plain", label.Content.Headers.ContentType?.MediaType);
        var text = await label.Content.ReadAsStringAsync();
        Assert.Contains(Text(created, "trackingNumber"), text, StringComparison.Ordinal);
        Assert.Contains("10115 Berlin", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync(factory.ClientAs("support"), "api/shipping/shipments/rates/label")).StatusCode);
    }

    [Fact]
    public async Task Only_ordering_and_the_back_office_reach_shipments()
    {
        var orderId = NewOrderId();

        var nobody = await CreateAsync(factory.CreateClient(), Shipment(orderId));
        var customer = await CreateAsync(factory.ClientAs("customer"), Shipment(orderId));
        var support = await CreateAsync(factory.ClientAs("support"), Shipment(orderId));
        var cart = await CreateAsync(factory.CallerApp("cart"), Shipment(orderId));
        var admin = await CreateAsync(factory.ClientAs("admin"), Shipment(orderId));
        var supportReads = await GetAsync(factory.ClientAs("support"), $"api/shipping/shipments/{orderId}");
        var customerReads = await GetAsync(factory.ClientAs("customer"), $"api/shipping/shipments/{orderId}");
        var supportCancels = await CancelAsync(factory.ClientAs("support"), orderId);
        var orderingReads = await GetAsync(factory.Ordering(), $"api/shipping/shipments/{orderId}");

        Assert.Equal(HttpStatusCode.Unauthorized, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, support.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, cart.StatusCode);
        Assert.Equal(HttpStatusCode.Created, admin.StatusCode);
        Assert.Equal(HttpStatusCode.OK, supportReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, customerReads.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, supportCancels.StatusCode);
        Assert.Equal(HttpStatusCode.OK, orderingReads.StatusCode);
    }

    [Fact]
    public async Task An_invalid_shipment_request_names_its_fields()
    {
        var response = await CreateAsync(factory.Ordering(), new
        {
            orderId = "order|1",
            method = "standard",
            address = new { name = "", lines = Array.Empty<string>(), city = "Berlin", postalCode = "10115", country = "Germany" },
            lines = new[] { new { sku = "SHOE-1", quantity = 1000, weightGrams = 10 } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.All(["orderId", "address.name", "address.lines", "address.country", "lines[0].quantity"], field => Assert.True(errors.TryGetProperty(field, out _), field));
    }
}
