namespace Ecommerce.DaprLocal.Workflows;

/// <summary>The workflow engine's log events.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "dropped a completion for {InstanceId} (task {TaskId}): stale token, duplicate or no longer expected")]
    public static partial void CompletionDropped(ILogger logger, string instanceId, int? taskId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "workflow {InstanceId} is not known or already completed; dropped {EventType}")]
    public static partial void EventDropped(ILogger logger, string instanceId, Ecommerce.Workflow.Protocol.HistoryEvent.EventTypeOneofCase eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "resumed {Count} unfinished workflow instances from the actor state store")]
    public static partial void Recovered(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "workflow engine could not read its instances from the actor state store")]
    public static partial void RecoveryFailed(ILogger logger, Exception error);

    [LoggerMessage(Level = LogLevel.Error, Message = "workflow {InstanceId}: a timer or follow-up step failed")]
    public static partial void BackgroundStepFailed(ILogger logger, string instanceId, Exception error);
}
