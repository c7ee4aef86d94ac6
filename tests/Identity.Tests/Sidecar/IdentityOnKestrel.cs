using System.Globalization;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ecommerce.Identity.Tests.Sidecar;

/// <summary>The identity service's own Program on a real port, talking to the given sidecar, with test-sized settings.</summary>
internal sealed class IdentityOnKestrel : WebApplicationFactory<Program>
{
    public static readonly TimeSpan FirstLock = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxLock = TimeSpan.FromSeconds(4);

    private readonly TestSidecar _sidecar;
    private readonly string _adminEmail;

    public IdentityOnKestrel(int port, TestSidecar sidecar, string adminEmail)
    {
        _sidecar = sidecar;
        _adminEmail = adminEmail;
        UseKestrel(port);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", _sidecar.AppId);
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("Jwt:JwksUrl", new Uri(_sidecar.HttpEndpoint, $"v1.0/invoke/{_sidecar.AppId}/method/.well-known/jwks.json").ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Identity:PasswordIterations", "1000");
        builder.UseSetting("Identity:SecretsRetryInterval", "00:00:00.200");
        builder.UseSetting("Identity:Admin:Email", _adminEmail);
        builder.UseSetting("Identity:Lockout:Threshold", "5");
        builder.UseSetting("Identity:Lockout:FirstLock", FirstLock.ToString("c", CultureInfo.InvariantCulture));
        builder.UseSetting("Identity:Lockout:MaxLock", MaxLock.ToString("c", CultureInfo.InvariantCulture));
    }
}
