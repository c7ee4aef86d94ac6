using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// One workflow instance as the engine keeps it in memory: the committed history, the inbox, the
/// custom status and what of them is already stored. Everything is read and changed under
/// <see cref="Gate"/> only, which is also what makes turns of one instance run one at a time
/// (daprd's actor turn lock); instances never share a lock.
/// </summary>
public sealed class WorkflowInstanceState(string instanceId)
{
    private TaskCompletionSource _changed = NewSignal();

    public string InstanceId { get; } = instanceId;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>False until the stored state has been read (or the index said there is none).</summary>
    public bool Loaded { get; set; }

    /// <summary>Dropped from the cache: whoever holds this object looks the instance up again.</summary>
    public bool Evicted { get; set; }

    /// <summary>The instance has stored state (its metadata key exists).</summary>
    public bool Exists { get; set; }

    public List<HistoryEvent> History { get; } = [];

    public List<InboxEvent> Inbox { get; } = [];

    /// <summary>How many <c>inbox-NNNNNN</c> keys are stored (the persisted inbox events, in order).</summary>
    public int StoredInboxLength { get; set; }

    public ulong Generation { get; set; }

    public string? CustomStatus { get; set; }

    public ActiveTurn? Turn { get; set; }

    /// <summary>The history just started over (continue-as-new): the instance runs on, it is not pending.</summary>
    public bool ContinuedAsNew { get; set; }

    public OrchestrationStatus Status
    {
        get
        {
            if (History.CompletedEvent() is { } completed)
            {
                return completed.ExecutionCompleted.WorkflowStatus;
            }
            if (History.Count == 0 && !ContinuedAsNew)
            {
                return OrchestrationStatus.Pending;
            }
            return History.IsSuspended() ? OrchestrationStatus.Suspended : OrchestrationStatus.Running;
        }
    }

    public bool IsCompleted => History.CompletedEvent() is not null;

    /// <summary>The start event: in the history once the first turn committed, in the inbox before.</summary>
    public HistoryEvent? StartedEvent =>
        History.FirstOrDefault(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionStarted)
        ?? Inbox.Select(e => e.Event).FirstOrDefault(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ExecutionStarted);

    /// <summary>Completes when the instance changes next; waiters take it before checking, so no change is missed.</summary>
    public Task Changed => _changed.Task;

    public void NotifyChanged() => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    /// <summary>Forgets everything (purge, or before the stored state is loaded again).</summary>
    public void Reset()
    {
        Exists = false;
        History.Clear();
        Inbox.Clear();
        StoredInboxLength = 0;
        CustomStatus = null;
        Turn = null;
        ContinuedAsNew = false;
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
