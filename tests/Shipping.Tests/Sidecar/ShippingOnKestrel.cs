using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Shipping.Tests.Sidecar;

/// <summary>The shipping service's own Program on a real port, talking to the given sidecar, with the given carrier pace.</summary>
internal sealed class ShippingOnKestrel : WebApplicationFactory<Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer _jwks;
    private readonly TimeSpan _step;

    public ShippingOnKestrel(int port, TestSidecar sidecar, JwksServer jwks, TimeSpan step)
    {
        _sidecar = sidecar;
        _jwks = jwks;
        _step = step;
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
        builder.UseSetting("Shipping:Carrier:StepDuration", _step.ToString());
        builder.UseSetting("Shipping:SecretsRetryInterval", "00:00:00.200");
    }
}
