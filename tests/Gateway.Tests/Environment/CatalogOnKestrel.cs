extern alias CatalogService;

using System.Collections.Concurrent;
using Ecommerce.Contracts;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The real catalog service (its own Program) on a real port beside its sidecar, with one addition in
/// front of its pipeline: every request it receives is recorded (<see cref="RequestRecorder"/>). It trusts
/// the given <see cref="JwksServer"/>'s tokens or, without one, identity's JWKS through its own sidecar (production).
/// </summary>
internal sealed class CatalogOnKestrel : WebApplicationFactory<CatalogService::Program>
{
    private readonly TestSidecar _sidecar;
    private readonly JwksServer? _jwks;

    public CatalogOnKestrel(int port, TestSidecar sidecar, JwksServer? jwks)
    {
        _sidecar = sidecar;
        _jwks = jwks;
        UseKestrel(port);
    }

    /// <summary>The resources of the catalog's sidecar: SQLite state with the outbox, in-memory pub/sub.</summary>
    public static string SidecarResources { get; } =
        TestComponents.StateStore("sqlite", Components.CatalogStore, ("outboxPublishPubsub", Components.EventsPubSub), ("outboxPublishTopic", Topics.CatalogProductChanged)) +
        TestComponents.PubSub("in-memory", Components.EventsPubSub);

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("APP_ID", _sidecar.AppId);
        builder.UseSetting("DAPR_HTTP_ENDPOINT", _sidecar.HttpEndpoint.ToString());
        builder.UseSetting("DAPR_GRPC_ENDPOINT", _sidecar.GrpcEndpoint.ToString());
        if (_jwks is not null)
        {
            builder.UseSetting("Jwt:JwksUrl", _jwks.JwksUrl.ToString());
        }
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Catalog:SeedOnStart", "false");
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new RequestRecorder(Requests)));
    }
}
