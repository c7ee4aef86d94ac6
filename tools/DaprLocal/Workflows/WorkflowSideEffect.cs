using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// What a committed turn sets in motion outside its own history. They run after the commit and
/// outside the instance's lock, because most of them touch other instances.
/// </summary>
public abstract record WorkflowSideEffect
{
    public sealed record RunActivity(ActivityRequest Request) : WorkflowSideEffect;

    public sealed record ArmTimer(int TimerId, DateTimeOffset FireAt) : WorkflowSideEffect;

    /// <summary>Starts a child (or finds it started) and tells the parent if it cannot be started.</summary>
    public sealed record StartChild(string ChildInstanceId, HistoryEvent ExecutionStarted) : WorkflowSideEffect;

    /// <summary>An event for another instance's inbox: raised, sent, a termination, a child's result.</summary>
    public sealed record Deliver(string TargetInstanceId, HistoryEvent Event) : WorkflowSideEffect;
}
