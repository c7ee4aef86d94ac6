using Microsoft.Extensions.Logging;

namespace Dapr.Workflow;

/// <summary>
/// What workflow code may use: durable activity calls, timers, external events, child workflows, and
/// replay-safe time, GUIDs and logging. Every task it returns completes only through the workflow's
/// history, so awaiting these (and nothing else) keeps the workflow deterministic; see
/// <see cref="Workflow{TInput, TOutput}"/> for the rules.
/// </summary>
public abstract class WorkflowContext
{
    /// <summary>The workflow's registered name.</summary>
    public abstract string Name { get; }

    public abstract string InstanceId { get; }

    /// <summary>The time of the current step (the sidecar's clock when the step began), the same on every replay.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>Whether the code is re-running history it already ran before (for logging and metrics only).</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>Calls an activity and waits until it finishes; a failure throws <see cref="WorkflowTaskFailedException"/>.</summary>
    public virtual Task CallActivityAsync(string name, object? input = null, WorkflowTaskOptions? options = null) =>
        CallActivityAsync<object?>(name, input, options);

    /// <summary>Calls an activity and returns its deserialized result; a failure throws <see cref="WorkflowTaskFailedException"/>.</summary>
    public abstract Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null);

    /// <summary>A durable timer that fires <paramref name="delay"/> after <see cref="CurrentUtcDateTime"/>.</summary>
    public virtual Task CreateTimer(TimeSpan delay, CancellationToken cancellationToken = default) =>
        CreateTimer(CurrentUtcDateTime.Add(delay), cancellationToken);

    /// <summary>
    /// A durable timer that fires at <paramref name="fireAt"/> (UTC). Cancelling only stops this wait: the
    /// sidecar's timer still fires later and is ignored.
    /// </summary>
    public abstract Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an external event (raised by a client or sent by another workflow). Names are case-insensitive;
    /// events with the same name are delivered first-in, first-out, and an event raised before anyone waits is kept.
    /// </summary>
    /// <exception cref="TaskCanceledException">The token was cancelled first.</exception>
    public abstract Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>Waits for an external event for at most <paramref name="timeout"/> (a durable timer races the event).</summary>
    /// <exception cref="TaskCanceledException">The timeout passed first.</exception>
    public abstract Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout);

    /// <summary>Raises an event in another workflow instance (fire and forget).</summary>
    public abstract void SendEvent(string instanceId, string eventName, object payload);

    /// <summary>Publishes a JSON-serializable progress value that clients read from the workflow state; <c>null</c> clears it.</summary>
    public abstract void SetCustomStatus(object? customStatus);

    /// <summary>Runs another workflow as a child and returns its deserialized output.</summary>
    public abstract Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null);

    /// <summary>Runs another workflow as a child and waits for it.</summary>
    public virtual Task CallChildWorkflowAsync(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        CallChildWorkflowAsync<object?>(workflowName, input, options);

    /// <summary>A logger that writes nothing while the workflow is replaying.</summary>
    public abstract ILogger CreateReplaySafeLogger(string categoryName);

    /// <inheritdoc cref="CreateReplaySafeLogger(string)"/>
    public abstract ILogger CreateReplaySafeLogger(Type type);

    /// <inheritdoc cref="CreateReplaySafeLogger(string)"/>
    public abstract ILogger CreateReplaySafeLogger<T>();

    /// <summary>
    /// Restarts the workflow with a new input and an empty history once the current code returns (for
    /// long-running loops). Events not yet consumed are carried over when <paramref name="preserveUnprocessedEvents"/>.
    /// </summary>
    public abstract void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true);

    /// <summary>A GUID that is the same on every replay (derived from the instance id and a counter).</summary>
    public abstract Guid NewGuid();
}
