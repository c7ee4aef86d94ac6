extern alias CatalogService;

using System.Collections.Concurrent;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The real catalog service (its own Program) on a real port beside its sidecar, with one addition in
/// front of its pipeline: every request it receives is recorded, so a test sees exactly what arrived.
/// </summary>
internal sealed class CatalogOnKestrel : WebApplicationFactory<CatalogService::Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer _jwks;

    public CatalogOnKestrel(int port, TestSidecar sidecar, JwksServer jwks)
    {
        _sidecar = sidecar;
        _jwks = jwks;
        UseKestrel(port);
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", _sidecar.AppId);
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
        builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Catalog:SeedOnStart", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new Recorder(Requests)));
    }

    private sealed class Recorder(ConcurrentQueue<RecordedRequest> requests) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                context.Request.EnableBuffering();
                using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                context.Request.Body.Position = 0;
                requests.Enqueue(new RecordedRequest(
                    context.Request.Method,
                    context.Request.Path.Value ?? "",
                    context.Request.QueryString.Value ?? "",
                    context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    body));
                await following(context);
            });
            next(app);
        };
    }
}
