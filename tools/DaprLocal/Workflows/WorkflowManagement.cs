using System.Text;
using Ecommerce.DaprLocal.Api;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// Dapr's workflow management API (contract §8), shared by the HTTP routes and the
/// <c>*WorkflowBeta1</c>/<c>Alpha1</c> gRPC methods: daprd's validation (component <c>dapr</c>,
/// instance id rules) and its error codes over <see cref="WorkflowEngine"/>.
/// </summary>
public sealed class WorkflowManagement(WorkflowEngine engine)
{
    /// <summary>The name of daprd's built-in workflow engine, the only workflow component there is.</summary>
    public const string Component = "dapr";

    private const int MaxInstanceIdLength = 64;

    public async Task<string> StartAsync(string component, string workflowName, string? instanceId, string? input, DateTimeOffset? startAt, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        instanceId = string.IsNullOrEmpty(instanceId) ? Guid.NewGuid().ToString() : instanceId;
        ValidateNewInstanceId(instanceId);
        if (string.IsNullOrEmpty(workflowName))
        {
            throw new DaprApiException("ERR_WORKFLOW_NAME_MISSING", 400, StatusCode.InvalidArgument, "workflow name is not configured");
        }
        var request = new CreateInstanceRequest
        {
            InstanceId = instanceId,
            Name = workflowName,
            Input = input,
            ScheduledStartTimestamp = startAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        return await Call(
            () => engine.StartInstanceAsync(request, cancellationToken),
            error => new DaprApiException("ERR_START_WORKFLOW", 500, StatusCode.Internal, $"error starting workflow '{workflowName}': {error.Message}"));
    }

    /// <summary>The instance as daprd's management API shows it, or null for an unknown id.</summary>
    public async Task<WorkflowSummary?> GetAsync(string component, string instanceId, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        var response = await Call(
            () => engine.GetInstanceAsync(instanceId, includePayloads: true, cancellationToken),
            error => new DaprApiException("ERR_GET_WORKFLOW", 500, StatusCode.Internal, $"error while getting workflow info on instance '{instanceId}': {error.Message}"));
        if (!response.Exists)
        {
            return null;
        }
        var state = response.WorkflowState;
        var properties = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["dapr.workflow.input"] = state.Input ?? "",
        };
        if (state.CustomStatus is not null)
        {
            properties["dapr.workflow.custom_status"] = state.CustomStatus;
        }
        if (state.FailureDetails is { } failure)
        {
            properties["dapr.workflow.failure.error_type"] = failure.ErrorType;
            properties["dapr.workflow.failure.error_message"] = failure.ErrorMessage;
        }
        else if (WorkflowHistory.IsTerminal(state.WorkflowStatus))
        {
            properties["dapr.workflow.output"] = state.Output ?? "";
        }
        return new WorkflowSummary(
            state.InstanceId, state.Name, state.CreatedTimestamp.ToDateTimeOffset(), state.LastUpdatedTimestamp.ToDateTimeOffset(),
            StatusName(state.WorkflowStatus), properties);
    }

    public Task RaiseEventAsync(string component, string instanceId, string eventName, string? data, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        if (string.IsNullOrEmpty(eventName))
        {
            throw new DaprApiException("ERR_WORKFLOW_EVENT_NAME_MISSING", 400, StatusCode.InvalidArgument, "missing workflow event name");
        }
        return Call(
            () => engine.RaiseEventAsync(instanceId, eventName, data, cancellationToken),
            error => new DaprApiException("ERR_RAISE_EVENT_WORKFLOW", 500, StatusCode.Internal, $"error raising event on workflow '{instanceId}': {error.Message}"),
            notFoundIsError: false);
    }

    /// <summary>Terminates the instance and its children (daprd's management API always recurses); does not wait.</summary>
    public Task TerminateAsync(string component, string instanceId, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        return Call(
            () => engine.TerminateAsync(instanceId, null, recursive: true, cancellationToken),
            error => new DaprApiException("ERR_TERMINATE_WORKFLOW", 500, StatusCode.Internal, $"error terminating workflow '{instanceId}': {error.Message}"));
    }

    public Task PauseAsync(string component, string instanceId, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        return Call(
            () => engine.SuspendAsync(instanceId, null, cancellationToken),
            error => new DaprApiException("ERR_PAUSE_WORKFLOW", 500, StatusCode.Internal, $"error pausing workflow {instanceId}: {error.Message}"),
            notFoundIsError: false);
    }

    public Task ResumeAsync(string component, string instanceId, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        return Call(
            () => engine.ResumeAsync(instanceId, null, cancellationToken),
            error => new DaprApiException("ERR_RESUME_WORKFLOW", 500, StatusCode.Internal, $"error resuming workflow {instanceId}: {error.Message}"),
            notFoundIsError: false);
    }

    /// <summary>Purges a finished instance and its children (always recursive, never forced, as daprd's management API).</summary>
    public Task PurgeAsync(string component, string instanceId, CancellationToken cancellationToken)
    {
        RequireEngine(component);
        RequireInstanceId(instanceId);
        return Call(
            () => engine.PurgeAsync(instanceId, force: false, recursive: true, cancellationToken),
            error => new DaprApiException("ERR_PURGE_WORKFLOW", 500, StatusCode.Internal, $"error purging workflow {instanceId}: {error.Message}"));
    }

    /// <summary>daprd's runtimeStatus strings (wfengine's status map; anything else is UNKNOWN).</summary>
    public static string StatusName(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Running => "RUNNING",
        OrchestrationStatus.Completed => "COMPLETED",
        OrchestrationStatus.ContinuedAsNew => "CONTINUED_AS_NEW",
        OrchestrationStatus.Failed => "FAILED",
        OrchestrationStatus.Canceled => "CANCELED",
        OrchestrationStatus.Terminated => "TERMINATED",
        OrchestrationStatus.Pending => "PENDING",
        OrchestrationStatus.Suspended => "SUSPENDED",
        _ => "UNKNOWN",
    };

    /// <summary>The actor runtime first (daprd's ActorRouter check), then the component name.</summary>
    private void RequireEngine(string component)
    {
        if (!engine.IsConfigured)
        {
            throw new DaprApiException("ERR_ACTOR_RUNTIME_NOT_FOUND", 500, StatusCode.Internal, WorkflowEngineException.NotConfiguredMessage);
        }
        if (string.IsNullOrEmpty(component))
        {
            throw new DaprApiException("ERR_WORKFLOW_COMPONENT_MISSING", 400, StatusCode.InvalidArgument, "no workflow component was provided");
        }
        if (component != Component)
        {
            throw new DaprApiException("ERR_WORKFLOW_COMPONENT_NOT_FOUND", 400, StatusCode.InvalidArgument, $"workflow component '{component}' does not exist");
        }
    }

    private static void RequireInstanceId(string instanceId)
    {
        if (string.IsNullOrEmpty(instanceId))
        {
            throw new DaprApiException("ERR_INSTANCE_ID_PROVIDED_MISSING", 400, StatusCode.InvalidArgument, "no instance ID was provided");
        }
    }

    private static void ValidateNewInstanceId(string instanceId)
    {
        if (instanceId.Length > MaxInstanceIdLength)
        {
            throw new DaprApiException("ERR_INSTANCE_ID_TOO_LONG", 400, StatusCode.InvalidArgument,
                $"workflow instance ID exceeds the max length of {MaxInstanceIdLength} characters");
        }
        if (!instanceId.EnumerateRunes().All(c => Rune.IsLetter(c) || Rune.IsDigit(c) || c.Value is '-' or '_'))
        {
            throw new DaprApiException("ERR_INSTANCE_ID_INVALID", 400, StatusCode.InvalidArgument,
                $"workflow instance ID '{instanceId}' is invalid: only alphanumeric and underscore characters are allowed");
        }
    }

    private static Task<int> Call(Func<Task> call, Func<WorkflowEngineException, DaprApiException> failed, bool notFoundIsError = true) =>
        Call(async () =>
        {
            await call();
            return 0;
        }, failed, notFoundIsError);

    /// <summary>An unknown instance is daprd's 404 ERR_INSTANCE_ID_NOT_FOUND where daprd checks for it; any other refusal is the operation's own error.</summary>
    private static async Task<T> Call<T>(Func<Task<T>> call, Func<WorkflowEngineException, DaprApiException> failed, bool notFoundIsError = true)
    {
        try
        {
            return await call();
        }
        catch (WorkflowEngineException error) when (notFoundIsError && error.Status == StatusCode.NotFound)
        {
            throw new DaprApiException("ERR_INSTANCE_ID_NOT_FOUND", 404, StatusCode.NotFound, $"unable to find workflow with the provided instance ID: {error.Message}");
        }
        catch (WorkflowEngineException error)
        {
            throw failed(error);
        }
    }
}
