using System.Security.Claims;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Orders;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Ordering.Apis;

/// <summary>
/// The customer's orders (the customer is the token's <c>sub</c>): place one from the cart, list, read, cancel,
/// return. Placing is idempotent by the <c>Idempotency-Key</c> header.
/// </summary>
public static class OrdersApi
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/orders")
            .WithTags("Orders")
            .WithRequestValidation();

        orders.MapPost("/", Place)
            .RequireAuthorization(Policies.Customer)
            .WithName("PlaceOrder")
            .WithSummary("Place an order from my cart")
            .WithDescription("Needs an Idempotency-Key header (1 to 100 letters, digits or . _ : -). 202 with the order (submitted) and its Location; the checkout saga then prices, reserves, authorizes, ships and confirms it — follow its status. The same key with the same body answers the same order (202 again, never a second order); with another body 422. An empty cart is a 400 on field 'cart'.");

        orders.MapGet("/", Mine)
            .RequireAuthorization(Policies.Customer)
            .WithName("ListMyOrders")
            .WithSummary("My orders, newest first")
            .WithDescription("page (from 1) and pageSize (1 to 100, default 20).");

        orders.MapGet("/{orderId}", Get)
            .RequireAuthorization(OrderingPolicies.OrderReader)
            .WithName("GetOrder")
            .WithSummary("One order with its status history")
            .WithDescription("A customer sees only their own orders (404 otherwise); support and admins any.");

        orders.MapPost("/{orderId}/cancel", Cancel)
            .RequireAuthorization(Policies.Customer)
            .WithName("CancelOrder")
            .WithSummary("Cancel my order")
            .WithDescription("202: the checkout saga undoes what it did (shipment, payment authorization, stock) and the order ends cancelled. 409 once payment capture has started or the order has ended.");

        orders.MapPost("/{orderId}/returns", RequestReturn)
            .RequireAuthorization(Policies.Customer)
            .WithName("RequestReturn")
            .WithSummary("Return my delivered order")
            .WithDescription("The whole order. 202: returnRequested, waiting for an admin's decision; approved, the payment is refunded and the goods restocked (returned). 409 unless delivered, or when the order already has a return.");

        return app;
    }

    public static async Task<Results<Accepted<OrderView>, ValidationProblem, ProblemHttpResult>> Place(
        PlaceOrderRequest request,
        [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        ClaimsPrincipal user,
        OrderDesk desk,
        CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsIdempotencyKey(idempotencyKey))
        {
            return Problems.Field(IdempotencyKeyHeader, ValidationRules.IdempotencyKeyRule);
        }
        var outcome = await desk.PlaceAsync(CustomerId(user), idempotencyKey!, request, cancellationToken);
        return outcome.Problem switch
        {
            PlaceProblem.EmptyCart => Problems.Field("cart", "The cart is empty: add something before placing an order."),
            PlaceProblem.KeyReused => Problems.KeyReused(),
            PlaceProblem.Conflict => Problems.ConcurrentChange(),
            // A replay answers as the first request did: the same order, accepted.
            _ => TypedResults.Accepted($"/api/orders/{outcome.Order!.Id}", OrderView.Of(outcome.Order)),
        };
    }

    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> Mine(
        ClaimsPrincipal user, OrderRepository orders, CancellationToken cancellationToken, int page = 1, int pageSize = PageQuery.DefaultPageSize)
    {
        var errors = PageQuery.Errors(page, pageSize);
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var (items, total) = await orders.ListOfCustomerAsync(CustomerId(user), page, pageSize, cancellationToken);
        return TypedResults.Ok(new OrderPage([.. items.Select(OrderSummary.Of)], page, pageSize, total));
    }

    public static async Task<Results<Ok<OrderView>, ProblemHttpResult>> Get(string orderId, ClaimsPrincipal user, OrderRepository orders, CancellationToken cancellationToken)
    {
        var order = ValidationRules.IsOrderId(orderId) ? await orders.GetAsync(orderId, cancellationToken) : null;
        var staff = user.IsInRole(Roles.Support) || user.IsInRole(Roles.Admin);
        return order is not null && (staff || order.CustomerId == CustomerId(user)) ? TypedResults.Ok(OrderView.Of(order)) : Problems.OrderNotFound();
    }

    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> Cancel(
        string orderId, CancelOrderRequest? request, ClaimsPrincipal user, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        return CancelAnswer(await desk.CancelAsync(orderId, CustomerId(user), request?.Reason, cancellationToken));
    }

    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> RequestReturn(
        string orderId, ReturnOrderRequest request, ClaimsPrincipal user, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        var outcome = await desk.RequestReturnAsync(orderId, CustomerId(user), request.Reason!.Trim(), cancellationToken);
        return outcome.Problem switch
        {
            DeskProblem.NotFound => Problems.OrderNotFound(),
            DeskProblem.Conflict => Problems.ConcurrentChange(),
            DeskProblem.WrongStatus => Problems.WrongStatus("Only a delivered order without a return can be returned.", StatusName(outcome.Order)),
            _ => TypedResults.Accepted($"/api/orders/{orderId}", OrderView.Of(outcome.Order!)),
        };
    }

    /// <summary>The answer of a cancel, shared with the admin's cancel.</summary>
    internal static Results<Accepted<OrderView>, ProblemHttpResult> CancelAnswer(DeskOutcome outcome) => outcome.Problem switch
    {
        DeskProblem.NotFound => Problems.OrderNotFound(),
        DeskProblem.Conflict => Problems.ConcurrentChange(),
        DeskProblem.TooLate => Problems.CancelTooLate(StatusName(outcome.Order)),
        _ => TypedResults.Accepted($"/api/orders/{outcome.Order!.Id}", OrderView.Of(outcome.Order)),
    };

    /// <summary>The order's status as the API writes it, for a problem's detail.</summary>
    internal static string StatusName(Order? order) =>
        order is null ? "unknown"
        : JsonNamingPolicy.CamelCase.ConvertName(order.Status.ToString()) + (order.CaptureStarted && order.Status == OrderStatus.Submitted ? " (capturing payment)" : "");

    /// <summary>The subject (<c>sub</c>) of the access token.</summary>
    private static string CustomerId(ClaimsPrincipal user) => user.Identity?.Name ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
