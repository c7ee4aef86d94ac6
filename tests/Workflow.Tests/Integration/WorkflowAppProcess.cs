using Ecommerce.Workflow.TestApp;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// The test app (<c>Ecommerce.Workflow.TestApp</c>) as its own process beside a sidecar, so that it
/// can be killed outright inside an activity, as a crashed or evicted app is.
/// </summary>
public sealed class WorkflowAppProcess : IAsyncDisposable
{
    private readonly ChildProcess _process;

    private WorkflowAppProcess(ChildProcess process) => _process = process;

    /// <summary>The entries its activities logged, in order.</summary>
    public IReadOnlyList<string> Activities =>
        [.. _process.Lines.Where(line => line.StartsWith(ActivityLog.EchoPrefix, StringComparison.Ordinal)).Select(line => line[ActivityLog.EchoPrefix.Length..])];

    /// <param name="sidecarGrpcPort">The sidecar's gRPC port, given to the app as DAPR_GRPC_PORT.</param>
    /// <param name="gateOpen">False holds its <see cref="GatedActivity"/> forever.</param>
    public static WorkflowAppProcess Start(int sidecarGrpcPort, bool gateOpen) =>
        new(ChildProcess.Start("Ecommerce.Workflow.TestApp.dll", [], new Dictionary<string, string>
        {
            ["DAPR_GRPC_PORT"] = $"{sidecarGrpcPort}",
            ["TESTAPP_GATE"] = gateOpen ? "open" : "closed",
            ["Logging__LogLevel__Default"] = "Warning",
        }));

    public Task KillAsync() => _process.KillAsync();

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
