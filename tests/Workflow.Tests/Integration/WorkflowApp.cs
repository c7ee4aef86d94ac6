using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// An app that runs workflows: a generic host with the SDK's worker (<c>AddDaprWorkflow</c>) and
/// client pointed at a sidecar's gRPC port, as a service gets them from DAPR_GRPC_PORT.
/// Disposing it stops the worker: to the sidecar that is the app going away.
/// </summary>
public sealed class WorkflowApp : IAsyncDisposable
{
    private readonly IHost _host;

    private WorkflowApp(IHost host) => _host = host;

    public DaprWorkflowClient Client => _host.Services.GetRequiredService<DaprWorkflowClient>();

    public IServiceProvider Services => _host.Services;

    public static async Task<WorkflowApp> StartAsync(int sidecarGrpcPort, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{sidecarGrpcPort}",
        });
        // An app killed mid-activity must not hold the test for the default 30 s.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<ActivityLog>();
        builder.Services.AddDaprWorkflow(TestWorkflows.Register);
        services?.Invoke(builder.Services);
        builder.Services.TryAddSingleton(new ActivityGate(open: true));
        var host = builder.Build();
        await host.StartAsync();
        return new WorkflowApp(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
