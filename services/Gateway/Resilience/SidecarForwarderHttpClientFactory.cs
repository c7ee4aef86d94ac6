using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;

namespace Ecommerce.Gateway.Resilience;

/// <summary>YARP's HTTP client to the sidecar, with <see cref="SidecarInvocationHandler"/> on top of it.</summary>
internal sealed class SidecarForwarderHttpClientFactory(IOptions<ResilienceOptions> options, TimeProvider clock, ILoggerFactory loggers)
    : ForwarderHttpClientFactory
{
    protected override HttpMessageHandler WrapHandler(ForwarderHttpClientContext context, HttpMessageHandler handler) =>
        new SidecarInvocationHandler(options, clock, loggers.CreateLogger<SidecarInvocationHandler>()) { InnerHandler = handler };
}
