using Dapr.Workflow;
using Ecommerce.Workflow.TestApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// An app that runs workflows, in the test process: a generic host with the SDK's worker
/// (<c>AddDaprWorkflow</c>) and client pointed at a sidecar's gRPC port, as a service gets them
/// from DAPR_GRPC_PORT. Disposing it stops the worker: to the sidecar that is the app going away.
/// </summary>
public sealed class WorkflowApp : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly bool _started;

    private WorkflowApp(IHost host, bool started)
    {
        _host = host;
        _started = started;
    }

    public DaprWorkflowClient Client => _host.Services.GetRequiredService<DaprWorkflowClient>();

    public ActivityLog Log => _host.Services.GetRequiredService<ActivityLog>();

    /// <param name="sidecarGrpcPort">The sidecar's gRPC port.</param>
    /// <param name="runWorker">False: only the client is used (the host is built, not started), workflows run elsewhere.</param>
    public static async Task<WorkflowApp> StartAsync(int sidecarGrpcPort, bool runWorker = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DAPR_GRPC_ENDPOINT"] = $"http://127.0.0.1:{sidecarGrpcPort}",
        });
        builder.Services.AddSingleton(new ActivityLog());
        builder.Services.AddSingleton(new ActivityGate(open: true));
        builder.Services.AddDaprWorkflow(TestWorkflows.Register);
        var host = builder.Build();
        if (runWorker)
        {
            await host.StartAsync();
        }
        return new WorkflowApp(host, runWorker);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            await _host.StopAsync();
        }
        _host.Dispose();
    }
}
