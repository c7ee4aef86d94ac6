extern alias IdentityService;

using System.Collections.Concurrent;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The real identity service (its own Program) on a real port beside its sidecar, with its production
/// settings (admin email, token lifetimes, password hashing, JWKS read through its own sidecar) except
/// a short retry while its sidecar starts. Every request it receives is recorded (<see cref="RequestRecorder"/>).
/// </summary>
internal sealed class IdentityOnKestrel : WebApplicationFactory<IdentityService::Program>
{
    private readonly TestSidecar _sidecar;

    public IdentityOnKestrel(int port, TestSidecar sidecar)
    {
        _sidecar = sidecar;
        UseKestrel(port);
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", _sidecar.AppId);
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Identity:SecretsRetryInterval", "00:00:00.200");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RequestRecorder(Requests)));
    }
}
