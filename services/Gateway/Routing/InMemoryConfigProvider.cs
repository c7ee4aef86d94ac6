using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Ecommerce.Gateway.Routing;

/// <summary>The route table as YARP configuration; it never changes while the gateway runs.</summary>
internal sealed class InMemoryConfigProvider(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfigProvider
{
    private readonly Config _config = new(routes, clusters);

    public IProxyConfig GetConfig() => _config;

    private sealed class Config(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        public IReadOnlyList<RouteConfig> Routes { get; } = routes;

        public IReadOnlyList<ClusterConfig> Clusters { get; } = clusters;

        public IChangeToken ChangeToken { get; } = new CancellationChangeToken(CancellationToken.None);
    }
}
