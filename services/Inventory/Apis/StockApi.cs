using Ecommerce.Contracts;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.Inventory.OpenApi;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Inventory.Apis;

/// <summary>A SKU's live stock (from its actor), adjustments with their audit trail, and its low-stock threshold.</summary>
public static class StockApi
{
    public const int MaxPage = 200;

    public static IEndpointRouteBuilder MapStockApi(this IEndpointRouteBuilder app)
    {
        var stock = app.MapGroup("/api/inventory/items/{sku}")
            .WithTags("Stock")
            .WithRequestValidation();

        stock.MapGet("/", GetStock)
            .WithName("GetStock")
            .WithSummary("Live stock of a SKU")
            .WithDescription("Support and admins: on hand per warehouse, reserved, available, threshold, revision and the reservations holding units.")
            .RequireAuthorization(Policies.Support);

        stock.MapPost("/adjustments", AdjustStock)
            .WithName("AdjustStock")
            .WithSummary("Add or remove units in a warehouse")
            .WithDescription(
                "Back office, and the ordering service (restocking a return). A positive change adds units, a negative one removes them; the reason and the admin are kept in the audit trail. " +
                "With idempotencyKey the change is applied once per SKU and key: a repeat answers 200 with the first adjustment. " +
                "422 when a warehouse would go below zero or fewer units would remain than are reserved. Announces inventory.stock-changed.")
            .WithRequestExample(new AdjustStockRequest("berlin-1", 25, AdjustmentReason.Received, "PO 4711"))
            .RequireAuthorization(InventoryPolicies.AdminOrOrdering)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        stock.MapGet("/adjustments", ListAdjustments)
            .WithName("ListAdjustments")
            .WithSummary("The audit trail of a SKU's adjustments, newest first")
            .WithDescription($"Back office. Pages of up to {MaxPage} (limit, default 50); for the next page pass before = the smallest sequence seen.")
            .RequireAuthorization(Policies.Admin);

        stock.MapPut("/low-stock-threshold", SetLowStockThreshold)
            .WithName("SetLowStockThreshold")
            .WithSummary("Set when a SKU counts as low on stock")
            .WithDescription("Back office. inventory.low-stock is announced when available units fall to or below the threshold (once, until they rise above it again).")
            .WithRequestExample(new SetLowStockThresholdRequest(10))
            .RequireAuthorization(Policies.Admin);

        return app;
    }

    public static async Task<Results<Ok<StockLevel>, ValidationProblem>> GetStock(string sku, IInventoryItems items, CancellationToken cancellationToken)
    {
        if (!Sku.IsValid(sku))
        {
            return Problems.InvalidField("sku", Sku.Rule);
        }
        return TypedResults.Ok(await items.GetStockAsync(sku, cancellationToken));
    }

    public static async Task<Results<Created<Adjustment>, Ok<Adjustment>, ValidationProblem, ProblemHttpResult>> AdjustStock(
        string sku,
        AdjustStockRequest request,
        IInventoryItems items,
        IWarehouseStore warehouses,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!Sku.IsValid(sku))
        {
            return Problems.InvalidField("sku", Sku.Rule);
        }
        if (await warehouses.GetAsync(request.WarehouseId, cancellationToken) is null)
        {
            return Problems.InvalidField("warehouseId", $"There is no warehouse '{request.WarehouseId}'; an admin creates it first.");
        }

        var adjustedBy = http.User.Identity?.Name ?? (InventoryPolicies.IsOrdering(http) ? AppIds.Ordering : "unknown");
        var outcome = await items.AdjustAsync(
            sku, new AdjustCommand(request.WarehouseId, request.Change, request.Reason, request.Note?.Trim(), adjustedBy, request.IdempotencyKey), cancellationToken);
        if (outcome is { Repeated: true, Applied: { } first })
        {
            return TypedResults.Ok(first);
        }
        if (outcome.Applied is not { } adjustment)
        {
            return Problems.Unprocessable("The adjustment would leave negative stock.", outcome.Refusal);
        }
        return TypedResults.Created($"/api/inventory/items/{sku}/adjustments?before={adjustment.Sequence + 1}&limit=1", adjustment);
    }

    public static async Task<Results<Ok<IReadOnlyList<Adjustment>>, ValidationProblem>> ListAdjustments(
        string sku, IInventoryItems items, IAdjustmentLog log, CancellationToken cancellationToken, int limit = 50, long? before = null)
    {
        if (!Sku.IsValid(sku))
        {
            return Problems.InvalidField("sku", Sku.Rule);
        }
        if (limit is < 1 or > MaxPage)
        {
            return Problems.InvalidField("limit", $"'limit' must be between 1 and {MaxPage}.");
        }
        if (before is < 1)
        {
            return Problems.InvalidField("before", "'before' is a sequence number, 1 or more.");
        }

        var stock = await items.GetStockAsync(sku, cancellationToken);
        var newest = before is { } next ? Math.Min(next - 1, stock.Adjustments) : stock.Adjustments;
        return TypedResults.Ok(await log.ListAsync(sku, newest, limit, cancellationToken));
    }

    public static async Task<Results<Ok<StockLevel>, ValidationProblem>> SetLowStockThreshold(
        string sku, SetLowStockThresholdRequest request, IInventoryItems items, CancellationToken cancellationToken)
    {
        if (!Sku.IsValid(sku))
        {
            return Problems.InvalidField("sku", Sku.Rule);
        }
        return TypedResults.Ok(await items.SetLowStockThresholdAsync(sku, request.Threshold, cancellationToken));
    }
}
