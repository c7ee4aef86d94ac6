using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.Model;
using Ecommerce.Inventory.OpenApi;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Inventory.Apis;

/// <summary>Back office: the warehouses stock is kept in.</summary>
public static class WarehousesApi
{
    public static IEndpointRouteBuilder MapWarehousesApi(this IEndpointRouteBuilder app)
    {
        var warehouses = app.MapGroup("/api/inventory/warehouses")
            .WithTags("Warehouses")
            .WithRequestValidation()
            .RequireAuthorization(Policies.Admin);

        warehouses.MapGet("/", ListWarehouses)
            .WithName("ListWarehouses")
            .WithSummary("All warehouses, by id");

        warehouses.MapGet("/{warehouseId}", GetWarehouse)
            .WithName("GetWarehouse")
            .WithSummary("One warehouse");

        warehouses.MapPut("/{warehouseId}", SaveWarehouse)
            .WithName("SaveWarehouse")
            .WithSummary("Create or rename a warehouse")
            .WithDescription("201 when created, 200 when renamed. The id (lower-case letters, digits, hyphens) never changes.")
            .WithRequestExample(new SaveWarehouseRequest("Berlin fulfilment centre"))
            .ProducesProblem(StatusCodes.Status409Conflict);

        return app;
    }

    public static async Task<Ok<IReadOnlyList<Warehouse>>> ListWarehouses(IWarehouseStore warehouses, CancellationToken cancellationToken) =>
        TypedResults.Ok(await warehouses.ListAsync(cancellationToken));

    public static async Task<Results<Ok<Warehouse>, ValidationProblem, ProblemHttpResult>> GetWarehouse(
        string warehouseId, IWarehouseStore warehouses, CancellationToken cancellationToken)
    {
        if (!Warehouse.IsValidId(warehouseId))
        {
            return Problems.InvalidField("warehouseId", Warehouse.IdRule);
        }
        var warehouse = await warehouses.GetAsync(warehouseId, cancellationToken);
        return warehouse is null ? Problems.NotFound($"No warehouse '{warehouseId}'.") : TypedResults.Ok(warehouse);
    }

    public static async Task<Results<Created<Warehouse>, Ok<Warehouse>, ValidationProblem, ProblemHttpResult>> SaveWarehouse(
        string warehouseId, SaveWarehouseRequest request, IWarehouseStore warehouses, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Warehouse.IsValidId(warehouseId))
        {
            return Problems.InvalidField("warehouseId", Warehouse.IdRule);
        }
        var saved = await warehouses.SaveAsync(warehouseId, request.Name.Trim(), clock.GetUtcNow(), cancellationToken);
        if (saved is null)
        {
            return Problems.Conflict("The warehouses were changed by others meanwhile.", "Send the request again.");
        }
        return saved.Created
            ? TypedResults.Created($"/api/inventory/warehouses/{warehouseId}", saved.Warehouse)
            : TypedResults.Ok(saved.Warehouse);
    }
}
