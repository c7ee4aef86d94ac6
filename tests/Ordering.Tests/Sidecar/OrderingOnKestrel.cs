using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Ordering.Tests.Sidecar;

/// <summary>
/// The ordering service's own Program (workflow worker included) on a real port, talking to the given sidecar, with
/// retries short enough for a test (a transient fault is retried after 0.2 s), and whatever settings the test adds
/// (applied last, e.g. a short fraud review timeout).
/// </summary>
internal sealed class OrderingOnKestrel : WebApplicationFactory<Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer _jwks;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public OrderingOnKestrel(int port, TestSidecar sidecar, JwksServer jwks, IReadOnlyDictionary<string, string>? settings = null)
    {
        _sidecar = sidecar;
        _jwks = jwks;
        _settings = settings ?? new Dictionary<string, string>();
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
        foreach (var retry in new[] { "StepRetry", "CompensationRetry" })
        {
            builder.UseSetting($"Ordering:Checkout:{retry}:MaxAttempts", "4");
            builder.UseSetting($"Ordering:Checkout:{retry}:FirstInterval", "00:00:00.2");
            builder.UseSetting($"Ordering:Checkout:{retry}:MaxInterval", "00:00:01");
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
