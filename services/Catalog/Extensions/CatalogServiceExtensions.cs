using Ecommerce.Catalog.Infrastructure;
using Ecommerce.ServiceDefaults.Validation;

namespace Ecommerce.Catalog.Extensions;

public static class CatalogServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IProductStore, DaprProductStore>();
        return builder;
    }
}
