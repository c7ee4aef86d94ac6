namespace Ecommerce.DaprLocal.Workflows;

/// <summary>Which dispatch a completion answers: an instance's turn (<see cref="TaskId"/> null) or one of its activities.</summary>
public readonly record struct WorkItemKey(string InstanceId, int? TaskId)
{
    public static WorkItemKey Turn(string instanceId) => new(instanceId, null);

    public static WorkItemKey Activity(string instanceId, int taskId) => new(instanceId, taskId);
}
