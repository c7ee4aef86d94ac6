using Ecommerce.Workflow.Protocol;
using Microsoft.Extensions.Logging;

namespace Dapr.Workflow.Replay;

/// <summary>
/// The <see cref="WorkflowContext"/> of one turn. Each call that schedules something takes the next
/// sequence id (0, 1, 2… per turn, in program order) and records a new action under it; replayed history
/// then strikes off the actions it already contains (see the History part) and completes the tasks the
/// code awaits. What is left at the end of the turn is what the sidecar has not seen yet.
/// </summary>
internal sealed partial class ReplayWorkflowContext(string instanceId, ILoggerFactory loggerFactory) : WorkflowContext
{
    // Actions the code created that history has not (yet) confirmed, by sequence id.
    private readonly SortedDictionary<int, WorkflowAction> _newActions = [];

    // Tasks the code may be awaiting, by the sequence id of the action that will answer them.
    private readonly Dictionary<int, ICompletionSlot> _openTasks = [];

    // Answers that came before the code scheduled their task (kept until it does).
    private readonly Dictionary<int, HistoryEvent> _earlyAnswers = [];

    // EventRaised nobody waited for yet, in arrival order (carried over by ContinueAsNew).
    private readonly List<HistoryEvent> _unconsumedEvents = [];

    private readonly Dictionary<string, Queue<IEventWaiter>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);

    private int _nextSequenceId;
    private int _guidCounter;
    private int _workflowThreadId = -1;
    private string _name = string.Empty;
    private string? _customStatusJson;
    private CompleteWorkflowAction? _outcome;
    private bool _carryOverEvents;
    private bool _sendOutcomeAlone;

    public override string Name => _name;

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime => _currentUtcDateTime;

    public override bool IsReplaying => _isReplaying;

    /// <summary>How the workflow ended in this turn, or <c>null</c> while it is still waiting.</summary>
    public CompleteWorkflowAction? Outcome => _outcome;

    /// <summary>Whether the code is waiting on at least one thing only history can complete.</summary>
    public bool IsWaitingOnHistory =>
        _openTasks.Count > 0 || _eventWaiters.Values.Any(queue => queue.Any(waiter => !waiter.IsDone));

    public string? CustomStatusJson => _customStatusJson;

    /// <summary>Binds the context to the replay thread; calls from any other thread are refused.</summary>
    public void BeginTurn() => _workflowThreadId = Environment.CurrentManagedThreadId;

    public void EndTurn() => _workflowThreadId = -1;

    public void Start(string name) => _name = name;

    public override Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        EnsureOnWorkflowThread();
        var inputJson = input.ToJsonPayload();

        // One key for all attempts of this call, so an activity can recognise a retry of itself.
        var executionKey = DeterministicGuid.Create(instanceId + ":activity", _nextSequenceId).ToString();
        Task<T> Attempt()
        {
            var id = NextSequenceId();
            _newActions.Add(id, new WorkflowAction
            {
                Id = id,
                ScheduleTask = new ScheduleTaskAction { Name = name, Input = inputJson, TaskExecutionId = executionKey },
            });
            return OpenTask<T>(id);
        }

        return options?.RetryPolicy is { } policy ? WithRetriesAsync(policy, Attempt) : Attempt();
    }

    public override Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null)
    {
        EnsureOnWorkflowThread();
        var inputJson = input.ToJsonPayload();
        Task<TResult> Attempt()
        {
            var id = NextSequenceId();
            _newActions.Add(id, new WorkflowAction
            {
                Id = id,
                CreateChildWorkflow = new CreateChildWorkflowAction
                {
                    InstanceId = options?.InstanceId ?? NewGuid().ToString(),
                    Name = workflowName,
                    Input = inputJson,
                },
            });
            return OpenTask<TResult>(id);
        }

        return options?.RetryPolicy is { } policy ? WithRetriesAsync(policy, Attempt) : Attempt();
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        EnsureOnWorkflowThread();
        var id = NextSequenceId();
        _newActions.Add(id, new WorkflowAction { Id = id, CreateTimer = new CreateTimerAction { FireAt = fireAt.ToTimestamp() } });
        var timer = OpenTask<object?>(id);
        if (cancellationToken.CanBeCanceled)
        {
            // Only the local wait ends: the sidecar's timer still fires later and finds no open task.
            cancellationToken.Register(() =>
            {
                if (_openTasks.Remove(id, out var slot))
                {
                    slot.Cancel();
                }
            });
        }

        return timer;
    }

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default)
    {
        EnsureOnWorkflowThread();
        var buffered = _unconsumedEvents.FindIndex(e => string.Equals(e.EventRaised.Name, eventName, StringComparison.OrdinalIgnoreCase));
        var waiter = new EventWaiter<T>();
        if (buffered >= 0)
        {
            var raised = _unconsumedEvents[buffered];
            _unconsumedEvents.RemoveAt(buffered);
            waiter.Deliver(raised.EventRaised.Input);
            return waiter.Task;
        }

        if (!_eventWaiters.TryGetValue(eventName, out var queue))
        {
            _eventWaiters[eventName] = queue = new Queue<IEventWaiter>();
        }

        queue.Enqueue(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(waiter.Cancel);
        }

        return waiter.Task;
    }

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            return WaitForExternalEventAsync<T>(eventName);
        }

        if (timeout == TimeSpan.Zero)
        {
            // No time to wait: only an event that is already here counts.
            using var alreadyCancelled = new CancellationTokenSource();
            alreadyCancelled.Cancel();
            return WaitForExternalEventAsync<T>(eventName, alreadyCancelled.Token);
        }

        return WaitWithTimeoutAsync<T>(eventName, timeout);
    }

    public override void SendEvent(string instanceId, string eventName, object payload)
    {
        EnsureOnWorkflowThread();
        var id = NextSequenceId();
        _newActions.Add(id, new WorkflowAction
        {
            Id = id,
            SendEvent = new SendEventAction
            {
                Instance = new WorkflowInstance { InstanceId = instanceId },
                Name = eventName,
                Data = payload.ToJsonPayload(),
            },
        });
    }

    public override void SetCustomStatus(object? customStatus)
    {
        EnsureOnWorkflowThread();
        _customStatusJson = customStatus.ToJsonPayload();
    }

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true)
    {
        EnsureOnWorkflowThread();
        _carryOverEvents = preserveUnprocessedEvents;
        Finish(new CompleteWorkflowAction
        {
            WorkflowStatus = OrchestrationStatus.ContinuedAsNew,
            Result = newInput.ToJsonPayload(),
        });
    }

    public override Guid NewGuid()
    {
        EnsureOnWorkflowThread();
        return DeterministicGuid.Create(instanceId, _guidCounter++);
    }

    public override ILogger CreateReplaySafeLogger(string categoryName) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(categoryName), this);

    public override ILogger CreateReplaySafeLogger(Type type) =>
        new ReplaySafeLogger(loggerFactory.CreateLogger(type), this);

    public override ILogger CreateReplaySafeLogger<T>() => CreateReplaySafeLogger(typeof(T));

    /// <summary>Records how the workflow ended; only the first outcome of a turn counts.</summary>
    public void Finish(CompleteWorkflowAction outcome) => _outcome ??= outcome;

    /// <summary>
    /// Ends the workflow and drops whatever else the code scheduled in this turn: after a termination it
    /// must not start anything, and after a history mismatch its new actions are not trustworthy.
    /// </summary>
    public void FinishAlone(CompleteWorkflowAction outcome)
    {
        if (_outcome is null)
        {
            _outcome = outcome;
            _sendOutcomeAlone = true;
        }
    }

    /// <summary>The actions to send: new ones in id order, then the outcome (with the next id).</summary>
    public IEnumerable<WorkflowAction> ActionsToSend()
    {
        if (_sendOutcomeAlone)
        {
            return [new WorkflowAction { Id = _nextSequenceId, CompleteWorkflow = _outcome }];
        }

        var actions = _newActions.Values.ToList();
        if (_outcome is not null)
        {
            if (_outcome.WorkflowStatus == OrchestrationStatus.ContinuedAsNew && _carryOverEvents)
            {
                _outcome.CarryoverEvents.AddRange(_unconsumedEvents);
            }

            actions.Add(new WorkflowAction { Id = _nextSequenceId, CompleteWorkflow = _outcome });
        }

        return actions;
    }

    private async Task<T> WaitWithTimeoutAsync<T>(string eventName, TimeSpan timeout)
    {
        using var timerCancellation = new CancellationTokenSource();
        using var eventCancellation = new CancellationTokenSource();
        var timer = CreateTimer(timeout, timerCancellation.Token);
        var received = WaitForExternalEventAsync<T>(eventName, eventCancellation.Token);
        if (await Task.WhenAny(received, timer) == received)
        {
            timerCancellation.Cancel();
        }
        else
        {
            eventCancellation.Cancel();
        }

        // The value, or TaskCanceledException when the timer won.
        return await received;
    }

    /// <summary>
    /// Retries on the workflow's own clock: each failed attempt is followed by a durable timer, then a new
    /// scheduling call (and so a new sequence id), until the attempts or the retry timeout run out.
    /// </summary>
    private async Task<T> WithRetriesAsync<T>(WorkflowRetryPolicy policy, Func<Task<T>> attempt)
    {
        var firstAttemptAt = CurrentUtcDateTime;
        for (var attemptNumber = 1; ; attemptNumber++)
        {
            try
            {
                return await attempt();
            }
            catch (WorkflowTaskFailedException) when (attemptNumber < policy.MaxNumberOfAttempts
                && (policy.RetryTimeout is not { } limit || CurrentUtcDateTime - firstAttemptAt < limit))
            {
                // Retried below: a catch block cannot await.
            }

            await CreateTimer(policy.DelayAfterAttempt(attemptNumber), CancellationToken.None);
        }
    }

    private int NextSequenceId() => _nextSequenceId++;

    private Task<T> OpenTask<T>(int id)
    {
        var slot = new CompletionSlot<T>();
        _openTasks[id] = slot;
        if (_earlyAnswers.Remove(id, out var answer))
        {
            _openTasks.Remove(id);
            slot.Deliver(answer);
        }

        return slot.Task;
    }

    private void EnsureOnWorkflowThread()
    {
        if (Environment.CurrentManagedThreadId != _workflowThreadId)
        {
            throw new InvalidOperationException(
                "Workflow context methods may only be called from workflow code on its replay thread; " +
                "workflow code must await nothing but tasks from its WorkflowContext (no Task.Run, Task.Delay or I/O).");
        }
    }
}
