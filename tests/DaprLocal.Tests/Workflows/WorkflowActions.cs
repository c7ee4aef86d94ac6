using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;

namespace Ecommerce.DaprLocal.Tests.Workflows;

/// <summary>The actions a test worker returns, written out as a worker SDK would send them.</summary>
public static class WorkflowActions
{
    public static WorkflowAction ScheduleTask(int id, string name, string? input = null) =>
        new() { Id = id, ScheduleTask = new ScheduleTaskAction { Name = name, Input = input } };

    public static WorkflowAction CreateTimer(int id, DateTimeOffset fireAt) =>
        new() { Id = id, CreateTimer = new CreateTimerAction { FireAt = Timestamp.FromDateTimeOffset(fireAt) } };

    public static WorkflowAction CreateChild(int id, string name, string instanceId, string? input = null) =>
        new() { Id = id, CreateChildWorkflow = new CreateChildWorkflowAction { Name = name, InstanceId = instanceId, Input = input } };

    public static WorkflowAction Complete(int id, string? result, OrchestrationStatus status = OrchestrationStatus.Completed) =>
        new() { Id = id, CompleteWorkflow = new CompleteWorkflowAction { WorkflowStatus = status, Result = result } };

    public static WorkflowAction ContinueAsNew(int id, string newInput, params HistoryEvent[] carryover)
    {
        var action = new WorkflowAction { Id = id, CompleteWorkflow = new CompleteWorkflowAction { WorkflowStatus = OrchestrationStatus.ContinuedAsNew, Result = newInput } };
        action.CompleteWorkflow.CarryoverEvents.AddRange(carryover);
        return action;
    }
}
