using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// What committing one turn does: <see cref="Appended"/> goes after the turn's <c>newEvents</c> in
/// the history; or, for continue-as-new, the history starts over and <see cref="RestartWith"/>
/// becomes the head of the inbox (the new <c>ExecutionStarted</c> and the carried-over events).
/// </summary>
public sealed record TurnOutcome(
    IReadOnlyList<HistoryEvent> Appended,
    IReadOnlyList<HistoryEvent>? RestartWith,
    IReadOnlyList<WorkflowSideEffect> SideEffects);
