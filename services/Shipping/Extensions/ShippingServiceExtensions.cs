using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Validation;
using Ecommerce.Shipping.Apis;
using Ecommerce.Shipping.Infrastructure;
using Ecommerce.Shipping.Model;
using Ecommerce.Shipping.Progress;
using Ecommerce.Shipping.Security;
using Ecommerce.Shipping.Shipments;

namespace Ecommerce.Shipping.Extensions;

public static class ShippingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ShippingOptions>()
            .BindConfiguration(ShippingOptions.SectionName)
            .Validate(options => options.Carrier.StepDuration > TimeSpan.Zero && options.RetainFor > TimeSpan.Zero && options.SecretsRetryInterval > TimeSpan.Zero,
                "Shipping:Carrier:StepDuration, Shipping:RetainFor and Shipping:SecretsRetryInterval must be positive.")
            .Validate(options => Countries.IsIsoAlpha2(options.OriginCountry), "Shipping:OriginCountry must be an ISO 3166-1 alpha-2 code.")
            .Validate(options => new RateTableValidator().Validate(options.Rates).IsValid, "Shipping:Rates is not a valid rate table.")
            .ValidateOnStart();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddAuthorizationBuilder().AddShippingPolicies();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IShipmentStore, DaprShipmentStore>();
        builder.Services.AddSingleton<IRateStore, DaprRateStore>();
        builder.Services.AddSingleton<IShipmentIndex, DaprShipmentIndex>();
        builder.Services.AddSingleton<IShipmentEvents, DaprShipmentEvents>();
        builder.Services.AddSingleton<ISecretReader, DaprSecretReader>();
        builder.Services.AddSingleton<TrackingKey>();
        builder.Services.AddSingleton<TrackingKeyLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TrackingKeyLoader>());
        builder.Services.AddHealthChecks().AddCheck<TrackingKeyHealthCheck>("tracking-key", tags: ["ready"]);
        builder.Services.AddSingleton<ShipmentIdentity>();
        builder.Services.AddSingleton<ShipmentDesk>();
        builder.Services.AddSingleton<ProgressScanner>();
        builder.Services.ConfigureSwaggerGen(options => options.SchemaFilter<OpenApiExamples>());
        return builder;
    }
}
