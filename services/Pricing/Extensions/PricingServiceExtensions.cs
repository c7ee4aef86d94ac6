using Dapr.Client;
using Ecommerce.Pricing.Infrastructure;
using Ecommerce.Pricing.Model;
using Ecommerce.Pricing.Seeding;
using Ecommerce.ServiceDefaults.Validation;

namespace Ecommerce.Pricing.Extensions;

public static class PricingServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IPriceStore, DaprPriceStore>();
        builder.Services.AddSingleton<ICouponUsageStore, DaprCouponUsageStore>();
        builder.Services.AddDefinitionStore<Discount>("discount");
        builder.Services.AddDefinitionStore<Coupon>("coupon");
        builder.Services.AddDefinitionStore<Promotion>("promotion");
        builder.Services.AddDefinitionStore<TaxRule>("tax-rule");
        builder.Services.AddSingleton<PricingRulesLoader>();
        builder.Services.AddSingleton<PriceBook>();
        builder.Services.AddSingleton<IImportMarkers, DaprImportMarkers>();
        builder.Services.AddHostedService<CatalogPriceImport>();
        builder.Services.ConfigureSwaggerGen(options => options.SchemaFilter<OpenApiExamples>());
        return builder;
    }

    private static void AddDefinitionStore<T>(this IServiceCollection services, string kind)
        where T : class, IDefinition =>
        services.AddSingleton<IDefinitionStore<T>>(provider => new DaprDefinitionStore<T>(provider.GetRequiredService<DaprClient>(), kind));
}
