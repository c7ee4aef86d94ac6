using Ecommerce.Contracts;
using Ecommerce.Inventory.Actors;
using Ecommerce.Inventory.Apis;
using Ecommerce.Inventory.Infrastructure;
using Ecommerce.Inventory.OpenApi;
using Ecommerce.Inventory.Seeding;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Validation;
using Dapr.Actors.Client;
using Dapr.Actors.Runtime;
using Microsoft.Extensions.Options;

namespace Ecommerce.Inventory.Extensions;

public static class InventoryServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder().AddInventoryPolicies();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.SectionName);
        builder.Services.ConfigureSwaggerGen(swagger => swagger.OperationFilter<RequestExampleFilter>());

        builder.Services.AddActors(actors => actors.Actors.RegisterActor<InventoryItemActor>());
        // The sidecar is found the way the rest of the service finds it (configuration, not only
        // the environment the actor SDK reads), and actor arguments, answers and state use the
        // platform's JSON convention.
        builder.Services.AddOptions<ActorRuntimeOptions>().Configure<IConfiguration>((actors, configuration) =>
        {
            actors.HttpEndpoint = DaprSidecar.HttpEndpoint(configuration).ToString().TrimEnd('/');
            if (configuration["DAPR_API_TOKEN"] is { Length: > 0 } token)
            {
                actors.DaprApiToken = token;
            }
            actors.JsonSerializerOptions = JsonConventions.Options;
        });
        builder.Services.AddSingleton<IActorProxyFactory>(services =>
        {
            var actors = services.GetRequiredService<IOptions<ActorRuntimeOptions>>().Value;
            return new ActorProxyFactory(new ActorProxyOptions
            {
                HttpEndpoint = actors.HttpEndpoint,
                DaprApiToken = actors.DaprApiToken,
                JsonSerializerOptions = actors.JsonSerializerOptions,
            });
        });

        builder.Services.AddSingleton<IInventoryItems, ActorInventoryItems>();
        builder.Services.AddSingleton<IReservationStore, DaprReservationStore>();
        builder.Services.AddSingleton<IWarehouseStore, DaprWarehouseStore>();
        builder.Services.AddSingleton<IAvailabilityStore, DaprAvailabilityStore>();
        builder.Services.AddSingleton<IAdjustmentLog, DaprAdjustmentLog>();
        builder.Services.AddSingleton<IEventPublisher, DaprEventPublisher>();
        builder.Services.AddHostedService<CatalogStockImport>();
        return builder;
    }
}
