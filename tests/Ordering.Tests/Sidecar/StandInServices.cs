using System.Collections.Concurrent;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>
/// Cart, catalog, pricing, shipping, inventory and payment as small apps answering their documented contracts, each
/// beside its own sidecar under its real app id in the test's own <see cref="SharedRuntime"/>: the saga reaches them by
/// service invocation exactly as it reaches the real services. They keep what was asked of them (reservations, payments,
/// shipments, refunds, stock adjustments) so a test can see the compensations. Payment methods decide the outcome:
/// <c>pm-good</c> authorizes, <c>pm-declined</c> is declined, <c>pm-transient</c> answers 503 to a key's first attempt,
/// <c>pm-review</c> is held for fraud review. A postal code 00000 is undeliverable, as in shipping.
/// </summary>
internal sealed class StandInServices : IAsyncDisposable
{
    public const decimal UnitPrice = 20m;
    public const decimal ShippingPrice = 5m;

    private readonly List<IAsyncDisposable> _running = [];
    private int _adjustmentRequests;

    public ConcurrentDictionary<string, IReadOnlyList<(string Sku, int Quantity)>> Carts { get; } = new();

    /// <summary>The orders the saga took out of a cart (customer id, order id), repeats included.</summary>
    public ConcurrentQueue<(string CustomerId, string OrderId)> CheckedOutOrders { get; } = new();

    /// <summary>Reservation id → status (reserved, committed, released).</summary>
    public ConcurrentDictionary<string, string> Reservations { get; } = new();

    /// <summary>Payment id → (order id, status).</summary>
    public ConcurrentDictionary<string, (string OrderId, string Status)> Payments { get; } = new();

    public ConcurrentQueue<(string Key, string? CallerAppId)> Authorizations { get; } = new();

    /// <summary>Order id → shipment status (created, cancelled).</summary>
    public ConcurrentDictionary<string, string> Shipments { get; } = new();

    /// <summary>Refunds by idempotency key: (payment id, amount).</summary>
    public ConcurrentDictionary<string, (string PaymentId, decimal Amount)> Refunds { get; } = new();

    /// <summary>Stock adjustments by idempotency key: (SKU, change, reason); a key is applied once, as in inventory.</summary>
    public ConcurrentDictionary<string, (string Sku, int Change, string Reason)> Adjustments { get; } = new();

    /// <summary>How many adjustment requests arrived (repeats included).</summary>
    public int AdjustmentRequests => _adjustmentRequests;

    public static async Task<StandInServices> StartAsync(SharedRuntime shared)
    {
        var services = new StandInServices();
        await services.StartAsync(AppIds.Cart, shared, app =>
        {
            app.MapGet("/api/carts/customers/{customerId}", (string customerId, HttpRequest request) =>
                request.Headers["dapr-caller-app-id"] != AppIds.Ordering ? Results.Unauthorized()
                : services.Carts.TryGetValue(customerId, out var lines)
                    ? Results.Json(new { id = customerId, anonymous = false, customerId, lines = lines.Select(l => new { sku = l.Sku, quantity = l.Quantity, productId = "p", productName = "P", categoryId = "shoes" }) })
                    : Results.NotFound());
            app.MapPost("/api/carts/customers/{customerId}/checked-out-orders", (string customerId, JsonElement request, HttpRequest http) =>
            {
                if (http.Headers["dapr-caller-app-id"] != AppIds.Ordering)
                {
                    return Results.Unauthorized();
                }
                var orderId = request.GetProperty("orderId").GetString()!;
                var taken = request.GetProperty("lines").EnumerateArray()
                    .ToDictionary(line => line.GetProperty("sku").GetString()!, line => line.GetProperty("quantity").GetInt32());
                services.CheckedOutOrders.Enqueue((customerId, orderId));
                // As cart does: each ordered quantity subtracted, once per order; lines not ordered are kept.
                if (services.Carts.TryGetValue(customerId, out var lines) && services.CheckedOutOrders.Count(o => o.OrderId == orderId) == 1)
                {
                    services.Carts[customerId] = [.. lines.Select(l => (l.Sku, Quantity: l.Quantity - taken.GetValueOrDefault(l.Sku))).Where(l => l.Quantity > 0)];
                }
                return Results.Json(new { id = customerId, lines = Array.Empty<object>() });
            });
        });
        await services.StartAsync(AppIds.Catalog, shared, app => app.MapGet("/api/catalog/skus/{sku}", (string sku) =>
            Results.Json(new { sku, productId = $"p-{sku}", productName = sku, categoryId = "shoes", status = "active", options = new { }, weightGrams = 500 })));
        await services.StartAsync(AppIds.Pricing, shared, app => app.MapPost("/api/pricing/quotes", (JsonElement request) => Quote(request)));
        await services.StartAsync(AppIds.Shipping, shared, app =>
        {
            app.MapPost("/api/shipping/options", () => Results.Json(new
            {
                zone = "domestic", weightGrams = 500, currency = "EUR",
                options = new[] { new { method = "standard", price = ShippingPrice, currency = "EUR", deliveryDays = 3, estimatedDelivery = "2026-12-01" } },
            }));
            app.MapPost("/api/shipping/shipments", (JsonElement request) =>
            {
                var orderId = request.GetProperty("orderId").GetString()!;
                if (request.GetProperty("address").GetProperty("postalCode").GetString() == "00000")
                {
                    return Results.Problem(title: "The address is undeliverable.", statusCode: 422, extensions: new Dictionary<string, object?> { ["reason"] = "undeliverable" });
                }
                services.Shipments[orderId] = "created";
                return Results.Json(new { orderId, shipmentId = $"shp-{orderId}", trackingNumber = $"TRK-{orderId}" }, statusCode: 201);
            });
            app.MapPost("/api/shipping/shipments/{orderId}/cancel", (string orderId) =>
            {
                if (!services.Shipments.ContainsKey(orderId))
                {
                    return Results.NotFound();
                }
                services.Shipments[orderId] = "cancelled";
                return Results.Json(new { orderId });
            });
        });
        await services.StartAsync(AppIds.Inventory, shared, app =>
        {
            app.MapPost("/api/inventory/reservations", (JsonElement request) =>
            {
                var id = request.GetProperty("reservationId").GetString()!;
                var status = services.Reservations.GetOrAdd(id, "reserved");
                return status == "reserved" ? Results.Json(new { id, status }, statusCode: 201) : Results.Problem(title: $"The reservation was {status}.", statusCode: 409);
            });
            app.MapPost("/api/inventory/items/{sku}/adjustments", (string sku, JsonElement request) =>
            {
                Interlocked.Increment(ref services._adjustmentRequests);
                var key = request.GetProperty("idempotencyKey").GetString()!;
                var added = services.Adjustments.TryAdd(key, (sku, request.GetProperty("change").GetInt32(), request.GetProperty("reason").GetString()!));
                return Results.Json(new { sku, sequence = 1 }, statusCode: added ? 201 : 200);
            });
            app.MapPost("/api/inventory/reservations/{id}/commit", (string id) => Move(services.Reservations, id, "reserved", "committed"));
            app.MapPost("/api/inventory/reservations/{id}/release", (string id) =>
            {
                services.Reservations.AddOrUpdate(id, "released", (_, now) => now == "committed" ? now : "released");
                return services.Reservations[id] == "released" ? Results.Json(new { id, status = "released" }) : Results.Problem(title: "Committed.", statusCode: 409);
            });
        });
        await services.StartAsync(AppIds.Payment, shared, app =>
        {
            app.MapPost("/api/payments/authorizations", (JsonElement request, HttpRequest http) => services.Authorize(request, http));
            app.MapPost("/api/payments/{id}/capture", (string id) => services.MovePayment(id, ["authorized"], "captured"));
            app.MapPost("/api/payments/{id}/void", (string id) => services.MovePayment(id, ["authorized", "pendingReview"], "voided"));
            app.MapPost("/api/payments/{id}/review", (string id, JsonElement request) =>
                services.MovePayment(id, ["pendingReview"], request.GetProperty("approve").GetBoolean() ? "authorized" : "failed"));
            app.MapPost("/api/payments/{id}/refunds", (string id, JsonElement request, HttpRequest http) =>
            {
                var key = http.Headers["Idempotency-Key"].ToString();
                services.Refunds.TryAdd(key, (id, request.GetProperty("amount").GetDecimal()));
                return services.MovePayment(id, ["captured", "refunded"], "refunded");
            });
            app.MapGet("/api/payments/{id}", (string id) => services.Payments.TryGetValue(id, out var p) ? PaymentJson(id, p.OrderId, p.Status) : Results.NotFound());
            app.MapGet("/api/payments", (string orderId) => Results.Json(services.Payments.Where(p => p.Value.OrderId == orderId)
                .Select(p => new { id = p.Key, status = p.Value.Status, amount = 0m, capturedAmount = 0m, refundedAmount = 0m, disputedAmount = 0m })));
        });
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_running))
        {
            await part.DisposeAsync();
        }
    }

    private static IResult PaymentJson(string id, string orderId, string status, int statusCode = 200) =>
        Results.Json(new
        {
            id, orderId, status, amount = 45m,
            capturedAmount = status is "captured" or "refunded" ? 45m : 0m,
            refundedAmount = status == "refunded" ? 45m : 0m,
            disputedAmount = 0m,
        }, statusCode: statusCode);

    private static IResult Quote(JsonElement request)
    {
        var lines = request.GetProperty("lines").EnumerateArray()
            .Select(line => (Sku: line.GetProperty("sku").GetString()!, Quantity: line.GetProperty("quantity").GetInt32()))
            .Select(line => new { sku = line.Sku, quantity = line.Quantity, unitPrice = UnitPrice, total = UnitPrice * line.Quantity })
            .ToList();
        var shipping = request.GetProperty("shippingCost").GetDecimal();
        var subtotal = lines.Sum(line => line.total);
        return Results.Json(new
        {
            currency = request.GetProperty("currency").GetString(),
            lines,
            coupons = Array.Empty<object>(),
            totals = new { subtotal, discountTotal = 0m, shippingTotal = shipping, taxTotal = 0m, total = subtotal + shipping },
        });
    }

    private IResult Authorize(JsonElement request, HttpRequest http)
    {
        var key = http.Headers["Idempotency-Key"].ToString();
        var orderId = request.GetProperty("orderId").GetString()!;
        Authorizations.Enqueue((key, http.Headers["dapr-caller-app-id"].ToString()));
        var method = request.GetProperty("paymentMethodId").GetString();
        var id = $"pay-{key}";
        if (method == "pm-transient" && Authorizations.Count(a => a.Key == key) == 1)
        {
            return Results.Problem(title: "The payment processor had a temporary error.", statusCode: 503);
        }
        if (method == "pm-review")
        {
            var (_, held) = Payments.GetOrAdd(id, (orderId, "pendingReview"));
            return PaymentJson(id, orderId, held, statusCode: 202);
        }
        if (method == "pm-declined")
        {
            Payments[id] = (orderId, "failed");
            return Results.Problem(title: "The card was declined.", statusCode: 422,
                extensions: new Dictionary<string, object?> { ["reason"] = "declined", ["paymentId"] = id, ["status"] = "failed" });
        }
        var (_, status) = Payments.GetOrAdd(id, (orderId, "authorized"));
        return PaymentJson(id, orderId, status, statusCode: 201);
    }

    private IResult MovePayment(string id, string[] from, string to)
    {
        if (!Payments.TryGetValue(id, out var payment))
        {
            return Results.NotFound();
        }
        if (from.Contains(payment.Status))
        {
            Payments[id] = payment with { Status = to };
        }
        var now = Payments[id];
        return now.Status == to ? PaymentJson(id, now.OrderId, now.Status) : Results.Problem(title: $"The payment is {now.Status}.", statusCode: 409);
    }

    private static IResult Move(ConcurrentDictionary<string, string> states, string id, string from, string to)
    {
        if (!states.TryGetValue(id, out var status))
        {
            return Results.NotFound();
        }
        if (status == from)
        {
            states[id] = to;
        }
        return states[id] == to ? Results.Json(new { id, status = to }) : Results.Problem(title: $"It is {states[id]}.", statusCode: 409);
    }

    private async Task StartAsync(string appId, SharedRuntime shared, Action<WebApplication> map)
    {
        var server = await LoopbackServer.StartAsync(map);
        _running.Add(server);
        _running.Add(await TestSidecar.StartAsync("", appId: appId, appPort: server.Address.Port, shared: shared));
    }
}
