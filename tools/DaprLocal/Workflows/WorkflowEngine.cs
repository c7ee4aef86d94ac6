using System.Collections.Concurrent;
using Ecommerce.DaprLocal.Runtime;
using Ecommerce.DaprLocal.State;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The workflow engine daprd embeds (durabletask-go over actors), for one sidecar: per instance a
/// committed history and an inbox, one turn at a time per instance, turns and activities handed to
/// the connected workers, results and events fed back into the inbox (protocol note §3.1). State
/// lives in the actor state store in daprd's layout and is cached in memory for live instances;
/// a sidecar started on the same store resumes the unfinished ones. Instances run on the sidecar
/// that started them (no placement across replicas).
/// </summary>
public sealed class WorkflowEngine : IAsyncDisposable
{
    /// <summary>Finished instances kept in memory for the calls that usually follow (get, wait, purge); older ones are read again when asked for.</summary>
    private const int FinishedInstancesCached = 1000;

    private readonly WorkflowStateStore? _store;
    private readonly WorkflowInstanceIndex? _index;
    private readonly ConcurrentDictionary<string, WorkflowInstanceState> _instances = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _finished = new();
    private readonly WorkItemDispatcher _dispatcher = new();
    private readonly DurableTimers _timers;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<WorkflowEngine> _logger;
    private readonly TaskCompletionSource _indexLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<Task> _recovery;

    public WorkflowEngine(SidecarOptions options, ComponentRegistry components, ILogger<WorkflowEngine> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(components);
        _logger = logger;
        if (components.StateStores.Values.FirstOrDefault(store => store.IsActorStateStore) is { } actorStore)
        {
            _store = new WorkflowStateStore(actorStore.Store, new WorkflowStateKeys(options.AppId));
            _index = new WorkflowInstanceIndex(_store);
        }
        _timers = new DurableTimers(error =>
        {
            WorkflowLog.BackgroundStepFailed(logger, "(timer)", error);
            return Task.CompletedTask;
        });
        _recovery = new Lazy<Task>(() => RecoverAsync(_stopping.Token));
    }

    /// <summary>False without an actor state store: every workflow call then fails as on daprd.</summary>
    public bool IsConfigured => _store is not null;

    /// <summary>Reads the index and resumes unfinished instances in the background; called when the sidecar starts.</summary>
    public void Start()
    {
        if (IsConfigured)
        {
            _ = _recovery.Value;
        }
    }

    // ---- client side -------------------------------------------------------------------------

    public async Task<string> StartInstanceAsync(CreateInstanceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var instanceId = request.InstanceId is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        var started = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        started.ExecutionStarted = new ExecutionStartedEvent
        {
            Name = request.Name,
            Version = request.Version,
            Input = request.Input,
            WorkflowInstance = new WorkflowInstance { InstanceId = instanceId, ExecutionId = request.ExecutionId ?? Guid.NewGuid().ToString("N") },
            ScheduledStartTimestamp = request.ScheduledStartTimestamp,
            ParentTraceContext = request.ParentTraceContext,
        };
        started.ExecutionStarted.Tags.Add(request.Tags);
        await CreateAsync(instanceId, started, cancellationToken);
        return instanceId;
    }

    public async Task<GetInstanceResponse> GetInstanceAsync(string instanceId, bool includePayloads, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        return await LockedAsync(instanceId, instance => Task.FromResult(WorkflowStateDescription.Describe(instance, includePayloads)), cancellationToken);
    }

    /// <summary>Waits, server side, until <paramref name="done"/> holds for the instance.</summary>
    public async Task WaitAsync(string instanceId, Func<WorkflowInstanceState, bool> done, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        while (true)
        {
            // The signal is taken under the instance lock, where every change is made: none is missed.
            var changed = await LockedAsync(instanceId, instance => Task.FromResult(done(instance) ? null : instance.Changed), linked.Token);
            if (changed is null)
            {
                return;
            }
            await changed.WaitAsync(linked.Token);
        }
    }

    public Task RaiseEventAsync(string instanceId, string name, string? input, CancellationToken cancellationToken)
    {
        var raised = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        raised.EventRaised = new EventRaisedEvent { Name = name, Input = input };
        return DeliverAsync(instanceId, raised, persist: true, generation: null, mustExist: true, cancellationToken);
    }

    public Task TerminateAsync(string instanceId, string? output, bool recursive, CancellationToken cancellationToken)
    {
        var terminated = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        terminated.ExecutionTerminated = new ExecutionTerminatedEvent { Input = output, Recurse = recursive };
        return DeliverAsync(instanceId, terminated, persist: true, generation: null, mustExist: true, cancellationToken);
    }

    public Task SuspendAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var suspended = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        suspended.ExecutionSuspended = new ExecutionSuspendedEvent { Input = reason };
        return DeliverAsync(instanceId, suspended, persist: true, generation: null, mustExist: true, cancellationToken);
    }

    public Task ResumeAsync(string instanceId, string? reason, CancellationToken cancellationToken)
    {
        var resumed = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        resumed.ExecutionResumed = new ExecutionResumedEvent { Input = reason };
        return DeliverAsync(instanceId, resumed, persist: true, generation: null, mustExist: true, cancellationToken);
    }

    /// <summary>Deletes a finished instance (a running one only with <paramref name="force"/>) and, if asked, its children; returns how many were deleted.</summary>
    public async Task<int> PurgeAsync(string instanceId, bool force, bool recursive, CancellationToken cancellationToken)
    {
        var (store, index) = await ReadyAsync(cancellationToken);
        var children = await LockedAsync(instanceId, async instance =>
        {
            if (!instance.Exists)
            {
                throw WorkflowEngineException.NotFound(instanceId);
            }
            if (!instance.IsCompleted && !force)
            {
                throw new WorkflowEngineException(StatusCode.FailedPrecondition,
                    $"cannot purge workflow '{instanceId}': it is {instance.Status} and not in a completed state; purge it with force to delete it anyway");
            }
            var children = recursive
                ? instance.History.Where(e => e.EventTypeCase == HistoryEvent.EventTypeOneofCase.ChildWorkflowInstanceCreated)
                    .Select(e => e.ChildWorkflowInstanceCreated.InstanceId).Distinct().ToList()
                : [];
            var operations = new List<StateOperation>();
            operations.AddRange(Enumerable.Range(0, instance.History.Count).Select(i => store.DeleteHistory(instanceId, i)));
            operations.AddRange(Enumerable.Range(0, instance.StoredInboxLength).Select(i => store.DeleteInbox(instanceId, i)));
            operations.Add(store.WriteCustomStatus(instanceId, null));
            operations.Add(store.DeleteMetadata(instanceId));
            await index.CommitWithAsync(instanceId, present: false, operations, cancellationToken);
            instance.Reset();
            instance.NotifyChanged();
            _dispatcher.Forget(instanceId);
            return children;
        }, cancellationToken);

        var deleted = 1;
        foreach (var child in children)
        {
            try
            {
                deleted += await PurgeAsync(child, force, recursive, cancellationToken);
            }
            catch (WorkflowEngineException error) when (error.Status == StatusCode.NotFound)
            {
                // Already purged on its own.
            }
        }
        return deleted;
    }

    /// <summary>One page of instance ids in ordinal order, after <paramref name="continuationToken"/> (the last id of the previous page).</summary>
    public async Task<(IReadOnlyList<string> Ids, string? ContinuationToken)> ListInstanceIdsAsync(
        string? continuationToken, int pageSize, CancellationToken cancellationToken)
    {
        var (_, index) = await ReadyAsync(cancellationToken);
        var all = index.All();
        var start = 0;
        if (continuationToken is { Length: > 0 })
        {
            while (start < all.Count && string.CompareOrdinal(all[start], continuationToken) <= 0)
            {
                start++;
            }
        }
        var count = pageSize > 0 ? Math.Min(pageSize, all.Count - start) : all.Count - start;
        var page = all.Skip(start).Take(count).ToList();
        return (page, start + count < all.Count ? page[^1] : null);
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        return await LockedAsync(instanceId, instance => instance.Exists
            ? Task.FromResult<IReadOnlyList<HistoryEvent>>([.. instance.History])
            : throw WorkflowEngineException.NotFound(instanceId), cancellationToken);
    }

    // ---- worker side -------------------------------------------------------------------------

    /// <summary>Feeds a <c>GetWorkItems</c> stream until the worker leaves or the sidecar stops.</summary>
    public async Task ServeWorkItemsAsync(IServerStreamWriter<WorkItem> stream, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        await _dispatcher.ServeAsync(stream, linked.Token);
    }

    /// <summary>Commits a worker's answer to a turn, then sets its side effects going.</summary>
    public async Task CompleteTurnAsync(WorkflowResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var (store, _) = await ReadyAsync(cancellationToken);
        var instanceId = response.InstanceId;
        if (_dispatcher.TryComplete(WorkItemKey.Turn(instanceId), response.CompletionToken) is not { } dispatched)
        {
            WorkflowLog.CompletionDropped(_logger, instanceId, null);
            return;
        }
        // The commit must happen even if the worker hangs up now: it runs on the engine's lifetime.
        var (generation, effects) = await LockedAsync<(ulong, IReadOnlyList<WorkflowSideEffect>)>(instanceId, async instance =>
        {
            if (instance.Turn is not { } turn || dispatched.Generation != instance.Generation)
            {
                return (0UL, []);
            }
            var outcome = TurnApplier.Apply(instance, turn, response, DateTimeOffset.UtcNow);
            await CommitTurnAsync(store, instance, turn, outcome, response.CustomStatus, _stopping.Token);
            if (instance.IsCompleted)
            {
                _finished.Enqueue(instanceId);
            }
            TryStartTurn(instance);
            return (instance.Generation, outcome.SideEffects);
        }, _stopping.Token);
        await RunSideEffectsAsync(instanceId, generation, effects);
        EvictFinished();
    }

    /// <summary>Turns an activity's answer into <c>TaskCompleted</c>/<c>TaskFailed</c> for its instance's inbox.</summary>
    public async Task CompleteActivityAsync(ActivityResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await ReadyAsync(cancellationToken);
        if (_dispatcher.TryComplete(WorkItemKey.Activity(response.InstanceId, response.TaskId), response.CompletionToken) is not { } dispatched)
        {
            WorkflowLog.CompletionDropped(_logger, response.InstanceId, response.TaskId);
            return;
        }
        var executionId = dispatched.Item.ActivityRequest?.TaskExecutionId ?? "";
        var result = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
        if (response.FailureDetails is not null)
        {
            result.TaskFailed = new TaskFailedEvent { TaskScheduledId = response.TaskId, FailureDetails = response.FailureDetails, TaskExecutionId = executionId };
        }
        else
        {
            result.TaskCompleted = new TaskCompletedEvent { TaskScheduledId = response.TaskId, Result = response.Result, TaskExecutionId = executionId };
        }
        await DeliverAsync(response.InstanceId, result, persist: false, dispatched.Generation, mustExist: false, _stopping.Token);
    }

    // ---- the instance lifecycle --------------------------------------------------------------

    /// <summary>
    /// Creates an instance with its <c>ExecutionStarted</c> in the inbox, in one transaction with
    /// its index entry. A finished instance of the same id is replaced; an unfinished one is a
    /// conflict. A child that its parent's execution starts again (a restart re-drives children
    /// without a result) is not started twice: a running one carries on, a finished one sends its
    /// result to the parent again — the first may have been lost with the sidecar that had it.
    /// </summary>
    private async Task CreateAsync(string instanceId, HistoryEvent started, CancellationToken cancellationToken)
    {
        var (store, index) = await ReadyAsync(cancellationToken);
        var parent = started.ExecutionStarted.ParentInstance;
        var resultForParent = await LockedAsync(instanceId, async instance =>
        {
            if (instance.Exists && parent is not null && IsSameChild(parent, instance.StartedEvent?.ExecutionStarted.ParentInstance))
            {
                return instance.History.CompletedEvent() is { } completed
                    ? TurnApplier.ChildResult(parent.TaskScheduledId, completed.ExecutionCompleted, DateTimeOffset.UtcNow)
                    : null;
            }
            if (instance.Exists && !instance.IsCompleted)
            {
                throw new WorkflowEngineException(StatusCode.AlreadyExists, $"an active workflow with ID '{instanceId}' already exists");
            }
            var operations = new List<StateOperation>();
            if (instance.Exists)
            {
                operations.AddRange(Enumerable.Range(0, instance.History.Count).Select(i => store.DeleteHistory(instanceId, i)));
                operations.AddRange(Enumerable.Range(1, Math.Max(0, instance.StoredInboxLength - 1)).Select(i => store.DeleteInbox(instanceId, i)));
                operations.Add(store.WriteCustomStatus(instanceId, null));
                _dispatcher.Forget(instanceId);
            }
            var generation = instance.Generation + 1;
            operations.Add(store.WriteInbox(instanceId, 0, started));
            operations.Add(store.WriteMetadata(instanceId, generation, historyLength: 0, inboxLength: 1, create: !instance.Exists));
            await index.CommitWithAsync(instanceId, present: true, operations, cancellationToken);
            instance.Reset();
            instance.Exists = true;
            instance.Generation = generation;
            instance.Inbox.Add(new InboxEvent(started, Persisted: true));
            instance.StoredInboxLength = 1;
            instance.NotifyChanged();
            TryStartTurn(instance);
            return (HistoryEvent?)null;
        }, cancellationToken);
        if (resultForParent is not null)
        {
            await DeliverAsync(parent!.WorkflowInstance?.InstanceId ?? "", resultForParent, persist: true, generation: null, mustExist: false, cancellationToken);
        }
    }

    /// <summary>Started by the same action of the same parent execution (after continue-as-new the parent's execution id differs).</summary>
    private static bool IsSameChild(ParentInstanceInfo parent, ParentInstanceInfo? existing) =>
        existing is not null
        && parent.TaskScheduledId == existing.TaskScheduledId
        && parent.WorkflowInstance?.InstanceId == existing.WorkflowInstance?.InstanceId
        && parent.WorkflowInstance?.ExecutionId == existing.WorkflowInstance?.ExecutionId;

    /// <summary>
    /// Adds an event to an instance's inbox (stored first unless it can be re-created from the
    /// history) and starts a turn if none is running. Events for finished or unknown instances,
    /// and for an older generation, are dropped as durabletask-go drops them.
    /// </summary>
    private async Task DeliverAsync(string instanceId, HistoryEvent historyEvent, bool persist, ulong? generation, bool mustExist, CancellationToken cancellationToken)
    {
        var (store, _) = await ReadyAsync(cancellationToken);
        await LockedAsync(instanceId, async instance =>
        {
            if (!instance.Exists && mustExist)
            {
                throw WorkflowEngineException.NotFound(instanceId);
            }
            if (!instance.Exists || instance.IsCompleted || (generation is { } expected && expected != instance.Generation))
            {
                WorkflowLog.EventDropped(_logger, instanceId, historyEvent.EventTypeCase);
                return 0;
            }
            if (persist)
            {
                await store.TransactAsync(
                    [
                        store.WriteInbox(instanceId, instance.StoredInboxLength, historyEvent),
                        store.WriteMetadata(instanceId, instance.Generation, instance.History.Count, instance.StoredInboxLength + 1, create: false),
                    ],
                    cancellationToken);
                instance.StoredInboxLength++;
            }
            instance.Inbox.Add(new InboxEvent(historyEvent, persist));
            TryStartTurn(instance);
            return 0;
        }, cancellationToken);
    }

    /// <summary>
    /// Starts the next turn if the instance has events and no turn is running: <c>newEvents</c> is
    /// a fresh <c>WorkflowStarted</c> (event id -1, now) followed by the inbox in arrival order. A
    /// suspended instance only runs again for a resume or a termination (the rest waits in the
    /// inbox); a start scheduled for later waits for its time. Called under the instance lock.
    /// </summary>
    private void TryStartTurn(WorkflowInstanceState instance)
    {
        if (instance.Turn is not null || instance.Inbox.Count == 0 || !instance.Exists || instance.IsCompleted)
        {
            return;
        }
        if (instance.History.IsSuspended()
            && !instance.Inbox.Any(e => e.Event.EventTypeCase is HistoryEvent.EventTypeOneofCase.ExecutionResumed or HistoryEvent.EventTypeOneofCase.ExecutionTerminated))
        {
            return;
        }
        var now = DateTimeOffset.UtcNow;
        var started = instance.StartedEvent?.ExecutionStarted;
        if (instance.History.Count == 0 && started?.ScheduledStartTimestamp?.ToDateTimeOffset() is { } startAt && startAt > now)
        {
            var instanceId = instance.InstanceId;
            _timers.Schedule(startAt, () => LockedAsync(instanceId, waiting =>
            {
                TryStartTurn(waiting);
                return Task.FromResult(0);
            }, _stopping.Token));
            return;
        }

        var marker = WorkflowHistory.NewEvent(now);
        marker.WorkflowStarted = new WorkflowStartedEvent();
        var newEvents = new List<HistoryEvent>(instance.Inbox.Count + 1) { marker };
        newEvents.AddRange(instance.Inbox.Select(e => e.Event));
        instance.Turn = new ActiveTurn(newEvents, instance.Inbox.Count, instance.Inbox.Count(e => e.Persisted));
        var request = new WorkflowRequest { InstanceId = instance.InstanceId, ExecutionId = started?.WorkflowInstance?.ExecutionId };
        request.PastEvents.AddRange(instance.History);
        request.NewEvents.AddRange(newEvents);
        _dispatcher.Enqueue(new DispatchedWorkItem(WorkItemKey.Turn(instance.InstanceId), new WorkItem { WorkflowRequest = request }, instance.Generation));
    }

    /// <summary>
    /// One transaction per turn: only the new history keys are added; the inbox keys the turn
    /// consumed are removed and the events that came in meanwhile moved to the front; metadata;
    /// the custom status when it changed. Continue-as-new deletes the old history instead and
    /// puts the new execution's start at the head of the inbox.
    /// </summary>
    private static async Task CommitTurnAsync(
        WorkflowStateStore store, WorkflowInstanceState instance, ActiveTurn turn, TurnOutcome outcome, string? customStatus, CancellationToken cancellationToken)
    {
        var instanceId = instance.InstanceId;
        var operations = new List<StateOperation>();
        var remaining = instance.Inbox.Skip(turn.ConsumedInboxEvents).ToList();
        var added = new List<HistoryEvent>();
        var generation = instance.Generation;
        List<InboxEvent> inbox;
        if (outcome.RestartWith is { } restart)
        {
            operations.AddRange(Enumerable.Range(0, instance.History.Count).Select(i => store.DeleteHistory(instanceId, i)));
            inbox = [.. restart.Select(e => new InboxEvent(e, Persisted: true)), .. remaining];
            generation++;
        }
        else
        {
            added.AddRange(turn.NewEvents);
            added.AddRange(outcome.Appended);
            operations.AddRange(added.Select((e, i) => store.WriteHistory(instanceId, instance.History.Count + i, e)));
            inbox = remaining;
        }
        var historyLength = outcome.RestartWith is null ? instance.History.Count + added.Count : 0;

        // Events that arrived during the turn were stored after the consumed ones; they move to the front.
        var stored = inbox.Where(e => e.Persisted).ToList();
        var unchangedPrefix = outcome.RestartWith is null && turn.ConsumedPersistedInboxEvents == 0 ? stored.Count : 0;
        operations.AddRange(stored.Select((e, i) => (e, i)).Skip(unchangedPrefix).Select(p => store.WriteInbox(instanceId, p.i, p.e.Event)));
        operations.AddRange(Enumerable.Range(stored.Count, Math.Max(0, instance.StoredInboxLength - stored.Count)).Select(i => store.DeleteInbox(instanceId, i)));
        operations.Add(store.WriteMetadata(instanceId, generation, historyLength, stored.Count, create: false));
        if (customStatus != instance.CustomStatus)
        {
            operations.Add(store.WriteCustomStatus(instanceId, customStatus));
        }
        await store.TransactAsync(operations, cancellationToken);

        if (outcome.RestartWith is not null)
        {
            instance.History.Clear();
        }
        instance.History.AddRange(added);
        instance.Inbox.Clear();
        instance.Inbox.AddRange(inbox);
        instance.StoredInboxLength = stored.Count;
        instance.Generation = generation;
        instance.CustomStatus = customStatus;
        instance.ContinuedAsNew = outcome.RestartWith is not null;
        instance.Turn = null;
        instance.NotifyChanged();
    }

    /// <summary>Sets a committed turn's consequences going; each one that fails is logged, not retried (a restart re-drives activities, timers and children).</summary>
    private async Task RunSideEffectsAsync(string instanceId, ulong generation, IReadOnlyList<WorkflowSideEffect> effects)
    {
        foreach (var effect in effects)
        {
            try
            {
                await RunSideEffectAsync(instanceId, generation, effect);
            }
            catch (Exception error) when (error is WorkflowEngineException or StateStoreException or OperationCanceledException)
            {
                WorkflowLog.BackgroundStepFailed(_logger, instanceId, error);
            }
        }
    }

    private async Task RunSideEffectAsync(string instanceId, ulong generation, WorkflowSideEffect effect)
    {
        switch (effect)
        {
            case WorkflowSideEffect.RunActivity run:
                _dispatcher.Enqueue(new DispatchedWorkItem(WorkItemKey.Activity(instanceId, run.Request.TaskId), new WorkItem { ActivityRequest = run.Request }, generation));
                break;
            case WorkflowSideEffect.ArmTimer timer:
                _timers.Schedule(timer.FireAt, () =>
                {
                    var fired = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
                    fired.TimerFired = new TimerFiredEvent { TimerId = timer.TimerId, FireAt = Timestamp.FromDateTimeOffset(timer.FireAt) };
                    return DeliverAsync(instanceId, fired, persist: false, generation, mustExist: false, _stopping.Token);
                });
                break;
            case WorkflowSideEffect.StartChild child:
                try
                {
                    await CreateAsync(child.ChildInstanceId, child.ExecutionStarted, _stopping.Token);
                }
                catch (WorkflowEngineException error) when (error.Status == StatusCode.AlreadyExists)
                {
                    var failed = WorkflowHistory.NewEvent(DateTimeOffset.UtcNow);
                    failed.ChildWorkflowInstanceFailed = new ChildWorkflowInstanceFailedEvent
                    {
                        TaskScheduledId = child.ExecutionStarted.ExecutionStarted.ParentInstance.TaskScheduledId,
                        FailureDetails = new TaskFailureDetails { ErrorType = "WorkflowAlreadyExists", ErrorMessage = error.Message },
                    };
                    await DeliverAsync(instanceId, failed, persist: true, generation, mustExist: false, _stopping.Token);
                }
                break;
            case WorkflowSideEffect.Deliver deliver:
                await DeliverAsync(deliver.TargetInstanceId, deliver.Event, persist: true, generation: null, mustExist: false, _stopping.Token);
                break;
            default:
                throw new InvalidOperationException($"unknown workflow side effect {effect.GetType().Name}");
        }
    }

    // ---- recovery ----------------------------------------------------------------------------

    /// <summary>
    /// After a (re)start: every unfinished instance of the index is loaded and driven on again —
    /// timers re-armed (overdue ones fire at once), activities without a result dispatched again,
    /// children not yet started started, and a turn run if its inbox has events.
    /// </summary>
    private async Task RecoverAsync(CancellationToken cancellationToken)
    {
        if (_store is null || _index is null)
        {
            return;
        }
        try
        {
            await _index.LoadAsync(cancellationToken);
            // Calls may proceed now; the instances below are resumed while they do.
            _indexLoaded.TrySetResult();
            var resumed = 0;
            foreach (var instanceId in _index.All())
            {
                if (!await _store.IsUnfinishedAsync(instanceId, cancellationToken))
                {
                    continue;
                }
                var (generation, effects) = await LockedAsync(instanceId, instance => Task.FromResult(Resume(instance)), cancellationToken);
                await RunSideEffectsAsync(instanceId, generation, effects);
                resumed++;
            }
            WorkflowLog.Recovered(_logger, resumed);
        }
        catch (Exception error)
        {
            WorkflowLog.RecoveryFailed(_logger, error);
            _indexLoaded.TrySetException(error);
        }
    }

    private (ulong Generation, IReadOnlyList<WorkflowSideEffect> Effects) Resume(WorkflowInstanceState instance)
    {
        var effects = new List<WorkflowSideEffect>();
        var pending = instance.Inbox.Select(e => e.Event).ToList();
        var started = instance.StartedEvent?.ExecutionStarted;
        var self = new WorkflowInstance { InstanceId = instance.InstanceId, ExecutionId = started?.WorkflowInstance?.ExecutionId };
        foreach (var task in WorkflowHistory.ActivitiesWithoutResult(instance.History, pending))
        {
            effects.Add(new WorkflowSideEffect.RunActivity(new ActivityRequest
            {
                Name = task.TaskScheduled.Name,
                Version = task.TaskScheduled.Version,
                Input = task.TaskScheduled.Input,
                WorkflowInstance = self.Clone(),
                TaskId = task.EventId,
                TaskExecutionId = task.TaskScheduled.TaskExecutionId,
            }));
        }
        foreach (var timer in WorkflowHistory.TimersNotFired(instance.History, pending))
        {
            effects.Add(new WorkflowSideEffect.ArmTimer(timer.EventId, (timer.TimerCreated.FireAt ?? timer.Timestamp).ToDateTimeOffset()));
        }
        foreach (var child in WorkflowHistory.ChildrenWithoutResult(instance.History, pending))
        {
            var childStarted = WorkflowHistory.NewEvent(child.Timestamp.ToDateTimeOffset());
            childStarted.ExecutionStarted = new ExecutionStartedEvent
            {
                Name = child.ChildWorkflowInstanceCreated.Name,
                Version = child.ChildWorkflowInstanceCreated.Version,
                Input = child.ChildWorkflowInstanceCreated.Input,
                WorkflowInstance = new WorkflowInstance { InstanceId = child.ChildWorkflowInstanceCreated.InstanceId, ExecutionId = Guid.NewGuid().ToString("N") },
                ParentInstance = new ParentInstanceInfo { TaskScheduledId = child.EventId, Name = started?.Name, Version = started?.Version, WorkflowInstance = self.Clone() },
            };
            effects.Add(new WorkflowSideEffect.StartChild(child.ChildWorkflowInstanceCreated.InstanceId, childStarted));
        }
        TryStartTurn(instance);
        return (instance.Generation, effects);
    }

    // ---- plumbing ----------------------------------------------------------------------------

    private async Task<(WorkflowStateStore Store, WorkflowInstanceIndex Index)> ReadyAsync(CancellationToken cancellationToken)
    {
        if (_store is null || _index is null)
        {
            throw WorkflowEngineException.NotConfigured();
        }
        _ = _recovery.Value;
        await _indexLoaded.Task.WaitAsync(cancellationToken);
        return (_store, _index);
    }

    /// <summary>
    /// Runs <paramref name="action"/> holding the instance's lock, with its state loaded (from
    /// the cache, else from the store when the index knows the id).
    /// </summary>
    private async Task<T> LockedAsync<T>(string instanceId, Func<WorkflowInstanceState, Task<T>> action, CancellationToken cancellationToken)
    {
        while (true)
        {
            var instance = _instances.GetOrAdd(instanceId, static id => new WorkflowInstanceState(id));
            await instance.Gate.WaitAsync(cancellationToken);
            try
            {
                if (instance.Evicted)
                {
                    continue;
                }
                if (!instance.Loaded)
                {
                    if (_index!.Contains(instanceId) && await _store!.LoadAsync(instance, cancellationToken) && instance.IsCompleted)
                    {
                        _finished.Enqueue(instanceId);
                    }
                    instance.Loaded = true;
                }
                return await action(instance);
            }
            finally
            {
                instance.Gate.Release();
            }
        }
    }

    /// <summary>Drops the oldest finished instances from memory beyond <see cref="FinishedInstancesCached"/>.</summary>
    private void EvictFinished()
    {
        while (_finished.Count > FinishedInstancesCached && _finished.TryDequeue(out var instanceId))
        {
            if (!_instances.TryGetValue(instanceId, out var instance) || !instance.Gate.Wait(0))
            {
                continue;
            }
            try
            {
                if (instance.IsCompleted && instance.Turn is null)
                {
                    instance.Evicted = true;
                    _instances.TryRemove(new KeyValuePair<string, WorkflowInstanceState>(instanceId, instance));
                    instance.NotifyChanged();
                }
            }
            finally
            {
                instance.Gate.Release();
            }
        }
    }

    /// <summary>Ends worker streams and server-side waits, which would otherwise hold up the web server's stop.</summary>
    public Task StopAsync() => _stopping.CancelAsync();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _timers.DisposeAsync();
        _stopping.Dispose();
    }
}
