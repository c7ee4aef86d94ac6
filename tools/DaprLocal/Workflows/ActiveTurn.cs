using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The turn an instance's worker is computing: the <c>newEvents</c> it was given
/// (<c>WorkflowStarted</c> then the inbox) and how many inbox events they took, so that events
/// arriving meanwhile stay for the next turn.
/// </summary>
public sealed record ActiveTurn(IReadOnlyList<HistoryEvent> NewEvents, int ConsumedInboxEvents, int ConsumedPersistedInboxEvents);
