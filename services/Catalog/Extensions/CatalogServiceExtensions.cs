using Ecommerce.Catalog.Infrastructure;
using Ecommerce.Catalog.IntegrationEvents.EventHandling;
using Ecommerce.Catalog.OpenApi;
using Ecommerce.Catalog.ReadModel;
using Ecommerce.Catalog.Seeding;
using Ecommerce.ServiceDefaults.Validation;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Ecommerce.Catalog.Extensions;

public static class CatalogServiceExtensions
{
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.SectionName);
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);

        builder.Services.AddSingleton<IProductStore, DaprProductStore>();
        builder.Services.AddSingleton<ICategoryStore, DaprCategoryStore>();
        builder.Services.AddSingleton<ISkuFactsStore, DaprSkuFactsStore>();

        builder.Services.AddSingleton<CatalogReadModel>();
        builder.Services.AddSingleton<CatalogSeeder>();
        builder.Services.AddHostedService<ReadModelLoader>();
        // Not ready until the read model holds the store's products: listings would be incomplete.
        builder.Services.AddHealthChecks().AddCheck<ReadModelHealthCheck>("catalog-read-model", tags: [ReadyTag]);

        builder.Services.AddSingleton<ProductChangedConsumer>();
        builder.Services.AddSingleton<PriceChangedConsumer>();
        builder.Services.AddSingleton<StockChangedConsumer>();

        builder.Services.Configure<SwaggerGenOptions>(options =>
        {
            options.SchemaFilter<CatalogExamples>();
            var comments = Path.Combine(AppContext.BaseDirectory, $"{typeof(Program).Assembly.GetName().Name}.xml");
            if (File.Exists(comments))
            {
                options.IncludeXmlComments(comments);
            }
        });
        return builder;
    }
}
