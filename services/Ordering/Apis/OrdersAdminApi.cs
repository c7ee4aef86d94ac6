using System.Text.Json;
using Ecommerce.Contracts.Ordering;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Orders;
using Ecommerce.Ordering.Workflow;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Ordering.Apis;

/// <summary>The back office: every order (support reads, admins decide), the saga view, fraud reviews, returns and cancel.</summary>
public static class OrdersAdminApi
{
    public static IEndpointRouteBuilder MapOrdersAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/orders/admin/orders")
            .WithTags("Orders (back office)")
            .WithRequestValidation();

        admin.MapGet("/", List)
            .RequireAuthorization(Policies.Support)
            .WithName("ListOrders")
            .WithSummary("All orders, newest first, optionally of one status and/or customer")
            .WithDescription("status (submitted, awaitingFraudReview, confirmed, …), customerId, page (from 1), pageSize (1 to 100, default 20). Support and admins.");

        admin.MapGet("/{orderId}/saga", Saga)
            .RequireAuthorization(Policies.Support)
            .WithName("GetOrderSaga")
            .WithSummary("The saga view of an order")
            .WithDescription("The workflow engine's state of the order's checkout saga (or, with workflow=return, its return saga): runtime status, custom status (the step), times, failure, and the recorded history. Support and admins.");

        admin.MapPost("/{orderId}/fraud-review", FraudReview)
            .RequireAuthorization(Policies.Admin)
            .WithName("DecideFraudReview")
            .WithSummary("Approve or reject a payment held for fraud review")
            .WithDescription("202: the checkout saga applies the decision (approved: it goes on; rejected: the order is rejected). 409 unless the order is awaitingFraudReview. Admins.");

        admin.MapPost("/{orderId}/return-decision", ReturnDecision)
            .RequireAuthorization(Policies.Admin)
            .WithName("DecideReturn")
            .WithSummary("Approve or reject a return")
            .WithDescription("202: the return saga refunds and restocks (approved) or puts the order back to delivered (rejected). 409 unless a return is pending. Admins.");

        admin.MapPost("/{orderId}/cancel", Cancel)
            .RequireAuthorization(Policies.Admin)
            .WithName("CancelAnyOrder")
            .WithSummary("Cancel any order")
            .WithDescription("As the customer's cancel, for any order. Admins.");

        return app;
    }

    public static async Task<Results<Ok<OrderPage>, ValidationProblem>> List(
        OrderRepository orders, CancellationToken cancellationToken, string? status = null, string? customerId = null, int page = 1, int pageSize = PageQuery.DefaultPageSize)
    {
        var errors = PageQuery.Errors(page, pageSize);
        OrderStatus? wanted = null;
        if (status is not null)
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(status, out _))
            {
                wanted = parsed;
            }
            else
            {
                errors["status"] = [$"One of {string.Join(", ", Enum.GetNames<OrderStatus>().Select(JsonNamingPolicy.CamelCase.ConvertName))}."];
            }
        }
        if (customerId is { Length: 0 or > 128 })
        {
            errors["customerId"] = ["1 to 128 characters."];
        }
        if (errors.Count > 0)
        {
            return Problems.Fields(errors);
        }
        var (items, total) = await orders.ListAsync(wanted, customerId, page, pageSize, cancellationToken);
        return TypedResults.Ok(new OrderPage([.. items.Select(OrderSummary.Of)], page, pageSize, total));
    }

    public static async Task<Results<Ok<SagaView>, ProblemHttpResult, ValidationProblem>> Saga(
        string orderId, ISagas sagas, CancellationToken cancellationToken, string? workflow = null)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        var instanceId = workflow switch
        {
            null or "checkout" => orderId,
            "return" => ISagas.ReturnInstanceId(orderId),
            _ => null,
        };
        if (instanceId is null)
        {
            return Problems.Field("workflow", "checkout (the default) or return.");
        }
        return await sagas.DescribeAsync(instanceId, cancellationToken) is { } view ? TypedResults.Ok(view) : Problems.SagaNotFound();
    }

    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> FraudReview(
        string orderId, DecisionRequest request, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        var outcome = await desk.DecideFraudReviewAsync(orderId, new Decision(request.Approve!.Value, request.Reason?.Trim()), cancellationToken);
        return outcome.Problem switch
        {
            DeskProblem.NotFound => Problems.OrderNotFound(),
            DeskProblem.WrongStatus => Problems.WrongStatus("The order is not waiting for a fraud review.", OrdersApi.StatusName(outcome.Order)),
            _ => TypedResults.Accepted($"/api/orders/{orderId}", OrderView.Of(outcome.Order!)),
        };
    }

    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> ReturnDecision(
        string orderId, DecisionRequest request, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        var outcome = await desk.DecideReturnAsync(orderId, new Decision(request.Approve!.Value, request.Reason?.Trim()), cancellationToken);
        return outcome.Problem switch
        {
            DeskProblem.NotFound => Problems.OrderNotFound(),
            DeskProblem.WrongStatus => Problems.WrongStatus("The order has no pending return.", OrdersApi.StatusName(outcome.Order)),
            _ => TypedResults.Accepted($"/api/orders/{orderId}", OrderView.Of(outcome.Order!)),
        };
    }

    public static async Task<Results<Accepted<OrderView>, ProblemHttpResult>> Cancel(
        string orderId, CancelOrderRequest? request, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (!ValidationRules.IsOrderId(orderId))
        {
            return Problems.OrderNotFound();
        }
        return OrdersApi.CancelAnswer(await desk.CancelAsync(orderId, customerId: null, request?.Reason, cancellationToken));
    }
}
