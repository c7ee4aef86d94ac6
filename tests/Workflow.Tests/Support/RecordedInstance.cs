using Dapr.Workflow;
using Ecommerce.Workflow.Protocol;

namespace Ecommerce.Workflow.Tests.Support;

/// <summary>
/// Plays the sidecar's part for one instance: runs turns and commits them to history the way the engine
/// does (the turn's new events, then one event per returned action with eventId = action id).
/// </summary>
internal sealed class RecordedInstance(string workflowName, Func<WorkflowContext, string?, Task<string?>> workflow)
{
    public List<HistoryEvent> History { get; } = [];

    public WorkflowResponse RunTurn(params HistoryEvent[] newEvents)
    {
        var response = Turns.Run(workflowName, workflow, History, newEvents);
        History.AddRange(newEvents);
        foreach (var action in response.Actions)
        {
            var recorded = action.WorkflowActionTypeCase switch
            {
                WorkflowAction.WorkflowActionTypeOneofCase.ScheduleTask => Support.History.TaskScheduled(action.Id, action.ScheduleTask.Name),
                WorkflowAction.WorkflowActionTypeOneofCase.CreateTimer => Support.History.TimerCreated(action.Id, action.CreateTimer.FireAt.ToDateTime()),
                WorkflowAction.WorkflowActionTypeOneofCase.CreateChildWorkflow => Support.History.ChildCreated(action.Id, action.CreateChildWorkflow.Name, action.CreateChildWorkflow.InstanceId),
                WorkflowAction.WorkflowActionTypeOneofCase.SendEvent => Support.History.EventSent(action.Id, action.SendEvent.Instance.InstanceId, action.SendEvent.Name),
                _ => null,
            };
            if (recorded is not null)
            {
                History.Add(recorded);
            }
        }

        return response;
    }
}
