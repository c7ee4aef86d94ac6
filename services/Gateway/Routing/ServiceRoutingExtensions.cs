using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Sidecar;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;

namespace Ecommerce.Gateway.Routing;

public static class ServiceRoutingExtensions
{
    /// <summary>
    /// YARP, loaded from <see cref="ServiceRoutes"/>: one cluster per service whose only destination is
    /// the gateway's own sidecar at <c>/v1.0/invoke/{appId}/method</c>, after which YARP appends the
    /// original path and query. Method, headers and body go on as they came; hop-by-hop headers are
    /// dropped by YARP, <c>dapr-*</c> headers from the client too (only the sidecar sets those), and the
    /// gateway's <c>dapr-api-token</c> is added when configured. The outgoing <c>traceparent</c> is a
    /// child of the gateway's own span.
    /// </summary>
    public static IHostApplicationBuilder AddServiceRouting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SidecarEndpoint>();
        builder.Services.AddSingleton<IForwarderHttpClientFactory, SidecarForwarderHttpClientFactory>();
        builder.Services.AddSingleton<IProxyConfigProvider>(services =>
        {
            var sidecar = services.GetRequiredService<SidecarEndpoint>();
            var activityTimeout = services.GetRequiredService<IOptions<ResilienceOptions>>().Value.ActivityTimeout;
            return new InMemoryConfigProvider(Routes(), Clusters(sidecar, activityTimeout));
        });
        builder.Services.AddReverseProxy().AddTransforms(context =>
        {
            var sidecar = context.Services.GetRequiredService<SidecarEndpoint>();
            context.AddRequestTransform(transform =>
            {
                var headers = transform.ProxyRequest.Headers;
                foreach (var name in headers.Select(header => header.Key).Where(IsDaprHeader).ToList())
                {
                    headers.Remove(name);
                }
                if (sidecar.ApiToken is { } token)
                {
                    headers.TryAddWithoutValidation(SidecarEndpoint.ApiTokenHeader, token);
                }
                return ValueTask.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        app.MapReverseProxy(proxy => proxy.UseForwarderFailureProblems());
        return app;
    }

    private static bool IsDaprHeader(string name) => name.StartsWith("dapr-", StringComparison.OrdinalIgnoreCase);

    private static List<RouteConfig> Routes() =>
        ServiceRoutes.All.Select(route => new RouteConfig
        {
            RouteId = route.Id,
            ClusterId = route.AppId,
            Order = route.Order,
            AuthorizationPolicy = route.Access,
            RateLimiterPolicy = route.RateLimit,
            Match = new RouteMatch { Path = route.Path, Methods = route.Methods },
        }).ToList();

    private static List<ClusterConfig> Clusters(SidecarEndpoint sidecar, TimeSpan activityTimeout) =>
        ServiceRoutes.Services.Select(appId => new ClusterConfig
        {
            ClusterId = appId,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                ["sidecar"] = new() { Address = sidecar.InvokePrefix(appId).ToString() },
            },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = activityTimeout },
        }).ToList();
}
