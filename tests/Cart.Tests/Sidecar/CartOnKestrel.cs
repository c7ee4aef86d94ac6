using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Cart.Tests.Sidecar;

/// <summary>The cart service's own Program on a real port, talking to the given sidecar.</summary>
internal sealed class CartOnKestrel : WebApplicationFactory<Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer _jwks;
    private readonly TimeSpan _timeToLive;
    private readonly TimeSpan _abandonAfter;

    /// <summary>Short, so that the test of a slow dependency is quick.</summary>
    public static TimeSpan DependencyTimeout { get; } = TimeSpan.FromSeconds(1);

    public CartOnKestrel(int port, TestSidecar sidecar, JwksServer jwks, TimeSpan timeToLive, TimeSpan abandonAfter)
    {
        _sidecar = sidecar;
        _jwks = jwks;
        _timeToLive = timeToLive;
        _abandonAfter = abandonAfter;
        UseKestrel(port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", _sidecar.AppId);
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Cart:TimeToLive", _timeToLive.ToString());
        builder.UseSetting("Cart:AbandonAfter", _abandonAfter.ToString());
        builder.UseSetting("Cart:DependencyTimeout", DependencyTimeout.ToString());
    }
}
