using Ecommerce.Contracts;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Inventory.Infrastructure;

namespace Ecommerce.Inventory.IntegrationEvents;

/// <summary>
/// Keeps the availability read model current from <c>inventory.stock-changed</c> (this service's
/// own events, consumed like any other subscriber would). Stale and repeated deliveries are
/// acknowledged and ignored: only a higher revision replaces what is held.
/// </summary>
public static class StockChangedHandler
{
    public const string Route = "/api/inventory/events/stock-changed";

    public static IEndpointRouteBuilder MapIntegrationEventHandlers(this IEndpointRouteBuilder app)
    {
        app.MapPost(Route, HandleAsync)
            .WithTopic(Components.EventsPubSub, Topics.InventoryStockChanged)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> HandleAsync(StockChangedV1 change, IAvailabilityStore availability, CancellationToken cancellationToken)
    {
        await availability.ApplyAsync(change, cancellationToken);
        return TypedResults.Ok();
    }
}
