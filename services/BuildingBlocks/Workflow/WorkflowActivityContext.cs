namespace Dapr.Workflow;

/// <summary>What an activity knows about the call it is serving.</summary>
public abstract class WorkflowActivityContext
{
    /// <summary>The activity's registered name.</summary>
    public abstract TaskIdentifier Identifier { get; }

    /// <summary>
    /// A key that stays the same for every attempt of one activity call (retries and re-dispatches),
    /// for making the activity idempotent. Empty when the sidecar does not send one.
    /// </summary>
    public abstract string TaskExecutionKey { get; }

    /// <summary>The id of the workflow instance that called the activity.</summary>
    public abstract string InstanceId { get; }
}
