using Ecommerce.Cart.Abandonment;
using Ecommerce.Cart.Apis;
using Ecommerce.Cart.Carts;
using Ecommerce.Cart.Infrastructure;
using Ecommerce.Cart.Model;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.Extensions.Options;

namespace Ecommerce.Cart.Extensions;

public static class CartServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CartOptions>()
            .BindConfiguration(CartOptions.SectionName)
            .Validate(options => options.TimeToLive > TimeSpan.Zero && options.AbandonAfter > TimeSpan.Zero && options.DependencyTimeout > TimeSpan.Zero,
                "Cart:TimeToLive, Cart:AbandonAfter and Cart:DependencyTimeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddAuthorizationBuilder().AddCartPolicies();
        builder.Services.AddValidatorsOf<Program>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ICartStore, DaprCartStore>();
        builder.Services.AddSingleton<IWishlistStore, DaprWishlistStore>();
        builder.Services.AddSingleton<ICartIndex, DaprCartIndex>();
        builder.Services.AddSingleton<ICartEvents, DaprCartEvents>();
        builder.Services.AddSingleton(provider => new ServiceInvoker(
            provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<CartOptions>>().Value.DependencyTimeout));
        builder.Services.AddSingleton<ICatalogClient, DaprCatalogClient>();
        builder.Services.AddSingleton<IPricingClient, DaprPricingClient>();
        builder.Services.AddSingleton<IInventoryClient, DaprInventoryClient>();
        builder.Services.AddSingleton<CartEditor>();
        builder.Services.AddSingleton<CartMerger>();
        builder.Services.AddSingleton<WishlistEditor>();
        builder.Services.AddSingleton<AbandonmentScanner>();
        builder.Services.ConfigureSwaggerGen(options => options.SchemaFilter<OpenApiExamples>());
        return builder;
    }
}
