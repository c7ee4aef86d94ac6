using Grpc.Core;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// A workflow call the engine refuses, with the gRPC status durabletask-go answers it with
/// (unknown instance → NotFound, duplicate id → AlreadyExists, ...). The TaskHub service passes
/// the status on; the management API maps it to daprd's error codes.
/// </summary>
public sealed class WorkflowEngineException(StatusCode status, string message) : Exception(message)
{
    public StatusCode Status { get; } = status;

    public static WorkflowEngineException NotFound(string instanceId) =>
        new(StatusCode.NotFound, $"no such instance exists: '{instanceId}'");

    public static WorkflowEngineException NotConfigured() =>
        new(StatusCode.FailedPrecondition, NotConfiguredMessage);

    /// <summary>daprd's words when no state component has <c>actorStateStore: "true"</c>.</summary>
    public const string NotConfiguredMessage =
        "the state store is not configured to use the actor runtime. Have you set the - name: actorStateStore value: \"true\" in your state store component file?";
}
