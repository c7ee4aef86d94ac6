using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// An event waiting for the instance's next turn. <see cref="Persisted"/> says whether it also has
/// an <c>inbox-NNNNNN</c> key: activity results and timer firings do not, because a restarted
/// sidecar re-creates them from the history (the activity runs again, the timer fires again),
/// which saves a state transaction per activity.
/// </summary>
public sealed record InboxEvent(HistoryEvent Event, bool Persisted);
