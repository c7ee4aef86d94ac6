using Ecommerce.Gateway.OpenApi;
using Ecommerce.Gateway.RateLimiting;
using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Routing;
using Ecommerce.Gateway.Sidecar;
using Ecommerce.Gateway.Storefront;

namespace Ecommerce.Gateway.Extensions;

public static class GatewayServiceExtensions
{
    /// <summary>Everything the gateway adds to the service defaults: routes, rate limits, aggregation, the services' OpenAPI documents.</summary>
    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddOptions<ResilienceOptions>()
            .BindConfiguration(ResilienceOptions.SectionName)
            .Validate(options => options.RetryDelay >= TimeSpan.Zero && options.RetryBudget >= TimeSpan.Zero && options.ActivityTimeout > TimeSpan.Zero,
                "Gateway:Resilience: delays cannot be negative and the activity timeout must be positive.")
            .ValidateOnStart();
        builder.Services.AddOptions<StorefrontOptions>()
            .BindConfiguration(StorefrontOptions.SectionName)
            .Validate(options => options.PartTimeout > TimeSpan.Zero, "Gateway:Storefront:PartTimeout must be positive.")
            .ValidateOnStart();

        builder.AddServiceRouting();
        builder.AddGatewayRateLimiting();

        builder.Services.AddTransient<SidecarInvocationHandler>();
        // Deadlines are per call (SidecarClient), not per client.
        builder.Services.AddHttpClient(SidecarClient.HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddHttpMessageHandler<SidecarInvocationHandler>();
        builder.Services.AddSingleton<SidecarClient>();
        builder.Services.AddSingleton<StorefrontAggregator>();
        builder.AddServiceOpenApiDocuments();
        return builder;
    }
}
