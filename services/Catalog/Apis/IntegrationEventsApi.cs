using System.Text.Json;
using Ecommerce.Catalog.IntegrationEvents.EventHandling;
using Ecommerce.Catalog.IntegrationEvents.Events;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Inventory;
using Ecommerce.Contracts.Pricing;
using FluentValidation;

namespace Ecommerce.Catalog.Apis;

/// <summary>
/// The topics the catalog subscribes to (declared to the sidecar through <c>/dapr/subscribe</c>).
/// The sidecar unwraps nothing: <c>UseCloudEvents</c> hands the event's data to these routes. An
/// event that cannot be read or is not valid is answered <c>DROP</c> (Dapr's way of saying "never
/// retry"); a failure while handling it is an error, which makes the sidecar deliver it again.
/// </summary>
public static partial class IntegrationEventsApi
{
    public static IEndpointRouteBuilder MapIntegrationEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/integration-events")
            .WithTags("Integration events")
            .AllowAnonymous();

        events.MapPost("/catalog/product-changed", (HttpRequest request, IValidator<ProductChangedV2> validator, ProductChangedConsumer handler, ILogger<ProductChangedV2> logger, CancellationToken cancellationToken) =>
                DeliverAsync(request, validator, handler.HandleAsync, logger, cancellationToken))
            .WithTopic(Components.EventsPubSub, Topics.CatalogProductChanged)
            .WithSummary("catalog.product-changed (from the sidecar)")
            .WithDescription("Any replica's product change: brings this replica's read model up to date.");

        events.MapPost("/pricing/price-changed", (HttpRequest request, IValidator<PriceChangedV1> validator, PriceChangedConsumer handler, ILogger<PriceChangedV1> logger, CancellationToken cancellationToken) =>
                DeliverAsync(request, validator, handler.HandleAsync, logger, cancellationToken))
            .WithTopic(Components.EventsPubSub, Topics.PricingPriceChanged)
            .WithSummary("pricing.price-changed (from the sidecar)")
            .WithDescription("A SKU's price in a currency: kept in state and shown in listings.");

        events.MapPost("/inventory/stock-changed", (HttpRequest request, IValidator<StockChangedV1> validator, StockChangedConsumer handler, ILogger<StockChangedV1> logger, CancellationToken cancellationToken) =>
                DeliverAsync(request, validator, handler.HandleAsync, logger, cancellationToken))
            .WithTopic(Components.EventsPubSub, Topics.InventoryStockChanged)
            .WithSummary("inventory.stock-changed (from the sidecar)")
            .WithDescription("A SKU's availability: kept in state and used by the in-stock filter.");

        return app;
    }

    private static async Task<IResult> DeliverAsync<TEvent>(
        HttpRequest request,
        IValidator<TEvent> validator,
        Func<TEvent, CancellationToken, Task> handle,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        TEvent? change;
        try
        {
            change = await request.ReadFromJsonAsync<TEvent>(JsonConventions.Options, cancellationToken);
        }
        catch (JsonException error)
        {
            LogDropped(logger, typeof(TEvent).Name, error.Message);
            return TypedResults.Ok(SubscriptionAnswer.Drop);
        }
        var validation = change is null ? null : await validator.ValidateAsync(change, cancellationToken);
        if (change is null || validation is { IsValid: false })
        {
            LogDropped(logger, typeof(TEvent).Name, validation?.ToString("; ") ?? "no body");
            return TypedResults.Ok(SubscriptionAnswer.Drop);
        }

        await handle(change, cancellationToken);
        return TypedResults.Ok(SubscriptionAnswer.Success);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a {EventType} that cannot be used: {Reason}")]
    private static partial void LogDropped(ILogger logger, string eventType, string reason);
}
