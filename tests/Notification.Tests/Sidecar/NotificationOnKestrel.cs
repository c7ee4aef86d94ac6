using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Notification.Tests.Sidecar;

/// <summary>The notification service's own Program on a real port, talking to the given sidecar.</summary>
internal sealed class NotificationOnKestrel : WebApplicationFactory<Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer _jwks;

    public NotificationOnKestrel(int port, TestSidecar sidecar, JwksServer jwks)
    {
        _sidecar = sidecar;
        _jwks = jwks;
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
    }
}
