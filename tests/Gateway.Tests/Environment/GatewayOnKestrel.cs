using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The gateway's own Program on a real port, talking to the given sidecar address. It trusts the given
/// <see cref="JwksServer"/>'s tokens or, without one, identity's JWKS through its sidecar (production).
/// </summary>
internal sealed class GatewayOnKestrel : WebApplicationFactory<Program>
{
    private readonly Uri _sidecarHttp;
    private readonly JwksServer? _jwks;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public GatewayOnKestrel(int port, Uri sidecarHttp, JwksServer? jwks, IReadOnlyDictionary<string, string> settings)
    {
        _sidecarHttp = sidecarHttp;
        _jwks = jwks;
        _settings = settings;
        UseKestrel(port);
    }

    /// <summary>Limits high enough that only the rate-limit tests, which set their own, ever meet them.</summary>
    public static IReadOnlyDictionary<string, string> GenerousLimits { get; } = new Dictionary<string, string>
    {
        ["Gateway:RateLimits:General:TokenLimit"] = "100000",
        ["Gateway:RateLimits:General:TokensPerPeriod"] = "100000",
        ["Gateway:RateLimits:Auth:PermitLimit"] = "100000",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", "gateway");
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecarHttp.ToString());
        if (_jwks is not null)
        {
            builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        }
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        foreach (var (key, value) in GenerousLimits.Concat(_settings.Where(setting => !GenerousLimits.ContainsKey(setting.Key))))
        {
            builder.UseSetting(key, _settings.TryGetValue(key, out var overridden) ? overridden : value);
        }
    }
}
