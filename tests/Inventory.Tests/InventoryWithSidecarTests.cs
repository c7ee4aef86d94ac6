using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.Contracts;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Model;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Inventory.Tests;

/// <summary>
/// The real inventory service beside a DaprLocal sidecar, under the embedded profile's kinds
/// (SQLite state and actors, in-memory pub/sub) and the local profile's (PostgreSQL state, Redis
/// actors, Redis streams pub/sub): SKU actors, reminders, the reservation API, the audit trail,
/// events and the availability read model, all through the sidecar.
/// </summary>
public sealed class InventoryWithSidecarTests
{
    private const string Warehouse = "main-1";

    public static TheoryData<string> Profiles() => ["embedded", "local"];

    /// <summary>
    /// The SKU actor under contention: 500 concurrent one-unit reservations through the sidecar
    /// (as the reservation API makes them) against 10 units, with a 6 s hold: short, yet longer than the burst takes on a busy 2-core machine (about 1.5 to 2.5 s).
    /// </summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Five_hundred_concurrent_one_unit_reservations_against_ten_give_exactly_ten_and_expiry_gives_every_unit_back(string profile)
    {
        const int HoldSeconds = 6;
        await using var jwks = await JwksServer.StartAsync();
        await using var changes = await SubscriberApp.StartAsync(("/changed", SubscriberApp.Topic(Components.EventsPubSub, Topics.InventoryStockChanged), _ => Results.Ok()));
        await using var changesSidecar = await TestSidecar.StartAsync(InventoryOnSidecar.EventsPubSub(profile), appPort: changes.Port);
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        using var shopper = inventory.Client();
        var sku = NewSku();
        await StockAsync(admin, sku, 10);
        await inventory.Items.GetStockAsync(sku, CancellationToken.None);

        var burst = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 500).Select(i =>
            inventory.Items.ReserveAsync(sku, new ReserveCommand($"order-{i}", 1, HoldSeconds), CancellationToken.None)));
        burst.Stop();
        var held = await StockOfAsync(admin, sku);

        Assert.True(burst.Elapsed < TimeSpan.FromSeconds(HoldSeconds), $"the burst took {burst.Elapsed}, longer than a hold: units could have come back during it");
        Assert.Equal(10, outcomes.Count(outcome => outcome.Status == ReservationStatus.Reserved));
        Assert.Equal(490, outcomes.Count(outcome => outcome.Status == ReservationStatus.Insufficient));
        Assert.All(outcomes, outcome => Assert.InRange(outcome.Available, 0, 10));
        Assert.Equal((10, 10, 0), (held.OnHand, held.Reserved, held.Available));

        await Eventually.TrueAsync(async () => (await StockOfAsync(admin, sku)).Available == 10, TimeSpan.FromSeconds(30), "every reservation expires");
        var after = await StockOfAsync(admin, sku);
        Assert.Equal((10, 0), (after.OnHand, after.Reserved));
        await Eventually.TrueAsync(async () => await AvailableAsync(shopper, sku) == 10, TimeSpan.FromSeconds(20), "the read model follows");

        // Every change was announced, and no announced state was ever negative or over-reserved.
        await Eventually.TrueAsync(() => Changes(changes, sku).Count >= 21, TimeSpan.FromSeconds(20), "1 adjustment + 10 reservations + 10 expiries");
        Assert.All(Changes(changes, sku), change => Assert.True(
            change["available"]!.GetValue<int>() >= 0 && change["reserved"]!.GetValue<int>() <= change["onHand"]!.GetValue<int>(),
            change.ToJsonString()));
        Assert.Equal(10, Changes(changes, sku).Count(change => change["reason"]!.GetValue<string>() == "expired"));
    }

    /// <summary>The same contention through the HTTP reservation API, with a hold long enough to outlast the burst.</summary>
    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Concurrent_reservations_through_the_api_never_hold_more_than_is_in_stock(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        using var ordering = inventory.Client();
        var sku = NewSku();
        await StockAsync(admin, sku, 10);

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            ordering.PostAsJsonAsync("reservations", Reservation($"{sku}-order-{i}", 600, (sku, 1)))));

        var unexpected = answers.Where(answer => answer.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.Conflict)).ToList();
        Assert.True(unexpected.Count == 0, string.Join("\n", await Task.WhenAll(unexpected.Select(async answer => $"{(int)answer.StatusCode}: {await answer.Content.ReadAsStringAsync()}"))));
        Assert.Equal(10, answers.Count(answer => answer.StatusCode == HttpStatusCode.Created));
        Assert.Equal(90, answers.Count(answer => answer.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal((10, 10, 0), Numbers(await StockOfAsync(admin, sku)));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Reserve_commit_and_release_are_idempotent_and_adjustments_are_audited(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        using var ordering = inventory.Client();
        var sku = NewSku();

        Assert.Equal(HttpStatusCode.Created, (await admin.PutAsJsonAsync($"warehouses/{Warehouse}", new { name = "Main" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"warehouses/{Warehouse}", new { name = "Main warehouse" })).StatusCode);
        var adjusted = await admin.PostAsJsonAsync($"items/{sku}/adjustments", new { warehouseId = Warehouse, change = 5, reason = "received", note = "PO 4711" });
        var unknownWarehouse = await admin.PostAsJsonAsync($"items/{sku}/adjustments", new { warehouseId = "nowhere", change = 5, reason = "received" });
        var tooMuchOut = await admin.PostAsJsonAsync($"items/{sku}/adjustments", new { warehouseId = Warehouse, change = -6, reason = "damaged" });
        Assert.Equal(HttpStatusCode.Created, adjusted.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownWarehouse.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMuchOut.StatusCode);

        var order = $"{sku}-order-1";
        Assert.Equal(HttpStatusCode.Created, (await ordering.PostAsJsonAsync("reservations", Reservation(order, 600, (sku, 2)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsJsonAsync("reservations", Reservation(order, 600, (sku, 2)))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ordering.PostAsJsonAsync("reservations", Reservation(order, 600, (sku, 3)))).StatusCode);
        Assert.Equal((5, 2, 3), Numbers(await StockOfAsync(admin, sku)));

        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{order}/commit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{order}/commit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ordering.PostAsync(new Uri($"reservations/{order}/release", UriKind.Relative), null)).StatusCode);
        Assert.Equal((3, 0, 3), Numbers(await StockOfAsync(admin, sku)));
        Assert.Equal("committed", await StatusOfAsync(ordering, order));

        var second = $"{sku}-order-2";
        Assert.Equal(HttpStatusCode.Created, (await ordering.PostAsJsonAsync("reservations", Reservation(second, 600, (sku, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{second}/release", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{second}/release", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ordering.PostAsJsonAsync("reservations", Reservation(second, 600, (sku, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ordering.PostAsync(new Uri($"reservations/{second}/commit", UriKind.Relative), null)).StatusCode);
        Assert.Equal((3, 0, 3), Numbers(await StockOfAsync(admin, sku)));

        // A compensation that overtakes its reservation: the late reserve is refused.
        var overtaken = $"{sku}-order-3";
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{overtaken}/release", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await ordering.PostAsJsonAsync("reservations", Reservation(overtaken, 600, (sku, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ordering.PostAsync(new Uri($"reservations/{sku}-never/commit", UriKind.Relative), null)).StatusCode);

        var trail = JsonNode.Parse(await admin.GetStringAsync($"items/{sku}/adjustments"))!.AsArray();
        var entry = Assert.Single(trail)!;
        Assert.Equal(5, entry["change"]!.GetValue<int>());
        Assert.Equal("received", entry["reason"]!.GetValue<string>());
        Assert.Equal("PO 4711", entry["note"]!.GetValue<string>());
        Assert.Equal("admin-ada", entry["adjustedBy"]!.GetValue<string>());
        Assert.Equal(Warehouse, entry["warehouseId"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task An_adjustment_with_an_idempotency_key_is_applied_once_however_often_it_is_sent(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        var sku = NewSku();
        await StockAsync(admin, sku, 3);
        var restock = new { warehouseId = Warehouse, change = 2, reason = "returned", note = $"return:{sku}-order", idempotencyKey = $"return:{sku}-order:{sku}" };

        var first = await admin.PostAsJsonAsync($"items/{sku}/adjustments", restock);
        var again = await admin.PostAsJsonAsync($"items/{sku}/adjustments", restock);
        var otherKey = await admin.PostAsJsonAsync($"items/{sku}/adjustments", restock with { idempotencyKey = $"return:{sku}-other:{sku}" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, otherKey.StatusCode);
        var firstEntry = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var repeatedEntry = JsonNode.Parse(await again.Content.ReadAsStringAsync())!;
        Assert.Equal(firstEntry["sequence"]!.GetValue<long>(), repeatedEntry["sequence"]!.GetValue<long>());
        Assert.Equal((7, 0, 7), Numbers(await StockOfAsync(admin, sku)));
        Assert.Equal(3, JsonNode.Parse(await admin.GetStringAsync($"items/{sku}/adjustments"))!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_multi_sku_reservation_with_one_short_line_holds_nothing_and_names_the_short_sku(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        using var ordering = inventory.Client();
        var plenty = NewSku();
        var scarce = NewSku();
        await StockAsync(admin, plenty, 5);
        await StockAsync(admin, scarce, 1);
        var order = $"{plenty}-order";

        var refused = await ordering.PostAsJsonAsync("reservations", Reservation(order, 600, (plenty, 2), (scarce, 2)));
        var retried = await ordering.PostAsJsonAsync("reservations", Reservation(order, 600, (plenty, 2), (scarce, 2)));

        foreach (var answer in new[] { refused, retried })
        {
            Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
            var shortage = Assert.Single(JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["shortages"]!.AsArray())!;
            Assert.Equal(scarce, shortage["sku"]!.GetValue<string>());
            Assert.Equal(2, shortage["requested"]!.GetValue<int>());
            Assert.Equal(1, shortage["available"]!.GetValue<int>());
            Assert.Equal("insufficient", shortage["status"]!.GetValue<string>());
        }
        Assert.Equal((5, 0, 5), Numbers(await StockOfAsync(admin, plenty)));
        Assert.Equal((1, 0, 1), Numbers(await StockOfAsync(admin, scarce)));
        Assert.Equal("rejected", await StatusOfAsync(ordering, order));

        var fits = $"{plenty}-order-fits";
        Assert.Equal(HttpStatusCode.Created, (await ordering.PostAsJsonAsync("reservations", Reservation(fits, 600, (plenty, 2), (scarce, 1)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ordering.PostAsync(new Uri($"reservations/{fits}/commit", UriKind.Relative), null)).StatusCode);
        Assert.Equal((3, 0, 3), Numbers(await StockOfAsync(admin, plenty)));
        Assert.Equal((0, 0, 0), Numbers(await StockOfAsync(admin, scarce)));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task Stock_changes_reach_the_availability_read_model_and_low_stock_is_announced(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        await using var alerts = await SubscriberApp.StartAsync(("/low", SubscriberApp.Topic(Components.EventsPubSub, Topics.InventoryLowStock), _ => Results.Ok()));
        await using var alertsSidecar = await TestSidecar.StartAsync(InventoryOnSidecar.EventsPubSub(profile), appPort: alerts.Port);
        await using var inventory = await InventoryOnSidecar.StartAsync(InventoryOnSidecar.Resources(profile), jwks);
        using var admin = inventory.Client("admin");
        using var shopper = inventory.Client();
        var sku = NewSku();
        var neverStocked = NewSku();
        await StockAsync(admin, sku, 8);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"items/{sku}/low-stock-threshold", new { threshold = 3 })).StatusCode);

        await Eventually.TrueAsync(async () => await AvailableAsync(shopper, sku) == 8, TimeSpan.FromSeconds(20), "the adjustment reaches the read model");
        Assert.Empty(LowStock(alerts, sku));

        Assert.Equal(HttpStatusCode.Created, (await shopper.PostAsJsonAsync("reservations", Reservation($"{sku}-order", 600, (sku, 6)))).StatusCode);

        await Eventually.TrueAsync(async () => await AvailableAsync(shopper, sku) == 2, TimeSpan.FromSeconds(20), "the reservation reaches the read model");
        await Eventually.TrueAsync(() => LowStock(alerts, sku).Count == 1, TimeSpan.FromSeconds(20), "low stock is announced");
        var alert = LowStock(alerts, sku).Single();
        Assert.Equal(2, alert["available"]!.GetValue<int>());
        Assert.Equal(3, alert["threshold"]!.GetValue<int>());
        var both = await shopper.PostAsJsonAsync("availability", new { skus = new[] { neverStocked, sku } });
        var items = JsonNode.Parse(await both.Content.ReadAsStringAsync())!["items"]!.AsArray();
        Assert.Equal([neverStocked, sku], items.Select(item => item!["sku"]!.GetValue<string>()));
        Assert.Equal([0, 2], items.Select(item => item!["available"]!.GetValue<int>()));
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public async Task A_reservation_expires_even_when_the_service_and_its_sidecar_restarted_in_between(string profile)
    {
        await using var jwks = await JwksServer.StartAsync();
        var resources = InventoryOnSidecar.Resources(profile);
        var appId = $"inventory-{Guid.NewGuid():N}"[..18];
        var sku = NewSku();
        await using (var before = await InventoryOnSidecar.StartAsync(resources, jwks, appId))
        {
            using var admin = before.Client("admin");
            await StockAsync(admin, sku, 4);
            Assert.Equal(HttpStatusCode.Created, (await before.Client().PostAsJsonAsync("reservations", Reservation($"{sku}-order", 3, (sku, 4)))).StatusCode);
            Assert.Equal(0, (await StockOfAsync(admin, sku)).Available);
        }

        await using var after = await InventoryOnSidecar.StartAsync(resources, jwks, appId);
        using var adminAfter = after.Client("admin");

        await Eventually.TrueAsync(async () => (await StockOfAsync(adminAfter, sku)).Available == 4, TimeSpan.FromSeconds(30), "the reminder fires after the restart");
        Assert.Equal("expired", await StatusOfAsync(after.Client(), $"{sku}-order"));
    }

    private static string NewSku() => $"SKU-{Guid.NewGuid():N}"[..16].ToUpperInvariant();

    private static object Reservation(string id, int expiresInSeconds, params (string Sku, int Quantity)[] lines) =>
        new { reservationId = id, expiresInSeconds, lines = lines.Select(line => new { sku = line.Sku, quantity = line.Quantity }) };

    private static async Task StockAsync(HttpClient admin, string sku, int units)
    {
        var warehouse = await admin.PutAsJsonAsync($"warehouses/{Warehouse}", new { name = "Main" });
        Assert.True(warehouse.IsSuccessStatusCode, await warehouse.Content.ReadAsStringAsync());
        var adjusted = await admin.PostAsJsonAsync($"items/{sku}/adjustments", new { warehouseId = Warehouse, change = units, reason = "received" });
        Assert.True(adjusted.StatusCode == HttpStatusCode.Created, await adjusted.Content.ReadAsStringAsync());
    }

    private static async Task<Stock> StockOfAsync(HttpClient client, string sku)
    {
        var stock = JsonNode.Parse(await client.GetStringAsync($"items/{sku}"))!;
        return new Stock(stock["onHand"]!.GetValue<int>(), stock["reserved"]!.GetValue<int>(), stock["available"]!.GetValue<int>());
    }

    private static (int OnHand, int Reserved, int Available) Numbers(Stock stock) => (stock.OnHand, stock.Reserved, stock.Available);

    private static async Task<int> AvailableAsync(HttpClient client, string sku)
    {
        var response = await client.PostAsJsonAsync("availability", new { skus = new[] { sku } });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items")[0].GetProperty("available").GetInt32();
    }

    private static async Task<string?> StatusOfAsync(HttpClient client, string reservationId) =>
        JsonNode.Parse(await client.GetStringAsync($"reservations/{reservationId}"))!["status"]!.GetValue<string>();

    private static List<JsonNode> Changes(SubscriberApp app, string sku) => OfSku(app.At("/changed"), sku);

    private static List<JsonNode> LowStock(SubscriberApp app, string sku) => OfSku(app.At("/low"), sku);

    private static List<JsonNode> OfSku(IEnumerable<JsonObject> envelopes, string sku) =>
        [.. envelopes.Select(envelope => envelope["data"]!).Where(data => data["sku"]!.GetValue<string>() == sku)];

    private sealed record Stock(int OnHand, int Reserved, int Available);
}
