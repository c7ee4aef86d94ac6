using Ecommerce.Workflow.Protocol;
using Microsoft.Extensions.Logging;

namespace Dapr.Workflow.Replay;

/// <summary>
/// Runs one workflow turn: starts the workflow code again, replays <c>pastEvents</c> (IsReplaying) and
/// <c>newEvents</c> into it on one thread, and answers with what is new. Stateless between turns.
/// </summary>
/// <param name="resolveWorkflow">The registered workflow of a name, or <c>null</c>.</param>
/// <param name="loggerFactory">For the workflow's replay-safe loggers.</param>
internal sealed class WorkflowTurnExecutor(Func<string, IWorkflow?> resolveWorkflow, ILoggerFactory loggerFactory)
{
    /// <summary>The error type of the failure sent when no workflow of the started name is registered.</summary>
    public const string WorkflowNotFound = "WorkflowNotFound";

    public WorkflowResponse Execute(WorkflowRequest request)
    {
        var turn = new Turn(request.InstanceId, resolveWorkflow, loggerFactory);
        var response = turn.Run(request);
        response.InstanceId = request.InstanceId;
        return response;
    }

    /// <summary>The state of a single execution; a new one per request keeps turns independent.</summary>
    private sealed class Turn(string instanceId, Func<string, IWorkflow?> resolveWorkflow, ILoggerFactory loggerFactory)
    {
        private readonly ReplayWorkflowContext _context = new(instanceId, loggerFactory);
        private readonly WorkflowSynchronizationContext _workflowThread = new();

        // Events that arrived while the instance was suspended; they are applied when it resumes.
        private readonly List<HistoryEvent> _heldWhileSuspended = [];
        private Task<object?>? _workflowTask;
        private bool _suspended;

        public WorkflowResponse Run(WorkflowRequest request)
        {
            var first = request.PastEvents.Concat(request.NewEvents).FirstOrDefault();
            _context.SetInitialTime(first?.Timestamp.ToUtcDateTime() ?? default);

            var previous = SynchronizationContext.Current;
            SynchronizationContext.SetSynchronizationContext(_workflowThread);
            _context.BeginTurn();
            try
            {
                Feed(request.PastEvents, isReplaying: true);
                Feed(request.NewEvents, isReplaying: false);
                FailIfStuckOnForeignWork();
            }
            finally
            {
                _context.EndTurn();
                SynchronizationContext.SetSynchronizationContext(previous);
            }

            var response = new WorkflowResponse { CustomStatus = _context.CustomStatusJson };
            if (!_suspended)
            {
                response.Actions.AddRange(_context.ActionsToSend());
            }

            return response;
        }

        private void Feed(IEnumerable<HistoryEvent> events, bool isReplaying)
        {
            foreach (var e in events)
            {
                _context.SetReplaying(isReplaying);
                Process(e);
            }
        }

        private void Process(HistoryEvent e)
        {
            if (_context.Outcome is not null)
            {
                // The code is done; only events a ContinueAsNew may carry over still matter.
                if (e.EventTypeCase == HistoryEvent.EventTypeOneofCase.EventRaised)
                {
                    _context.KeepUnconsumed(e);
                }

                return;
            }

            switch (e.EventTypeCase)
            {
                case HistoryEvent.EventTypeOneofCase.ExecutionTerminated:
                    _suspended = false;
                    _context.FinishAlone(new CompleteWorkflowAction
                    {
                        WorkflowStatus = OrchestrationStatus.Terminated,
                        Result = e.ExecutionTerminated.Input,
                    });
                    return;
                case HistoryEvent.EventTypeOneofCase.ExecutionSuspended:
                    _suspended = true;
                    return;
                case HistoryEvent.EventTypeOneofCase.ExecutionResumed:
                    _suspended = false;
                    var held = _heldWhileSuspended.ToList();
                    _heldWhileSuspended.Clear();
                    held.ForEach(Process);
                    return;
                case var _ when _suspended:
                    _heldWhileSuspended.Add(e);
                    return;
                case HistoryEvent.EventTypeOneofCase.ExecutionStarted:
                    StartWorkflow(e.ExecutionStarted);
                    break;
                default:
                    ApplyToContext(e);
                    break;
            }

            _workflowThread.RunPosted();
            RecordOutcomeIfDone();
        }

        private void ApplyToContext(HistoryEvent e)
        {
            try
            {
                _context.Apply(e);
            }
            catch (NonDeterministicWorkflowException exception)
            {
                _context.FinishAlone(Failed(exception.ToTaskFailureDetails()));
            }
        }

        private void StartWorkflow(ExecutionStartedEvent started)
        {
            _context.Start(started.Name);
            var workflow = resolveWorkflow(started.Name);
            if (workflow is null)
            {
                _context.Finish(Failed(new TaskFailureDetails
                {
                    ErrorType = WorkflowNotFound,
                    ErrorMessage = $"No workflow named '{started.Name}' is registered with this worker.",
                }));
                return;
            }

            try
            {
                var input = WorkflowJson.Deserialize(started.Input, workflow.InputType);
                _workflowTask = workflow.RunAsync(_context, input);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Bad input or code that throws before its first await: the workflow fails like any other.
                _workflowTask = Task.FromException<object?>(exception);
            }
        }

        private void RecordOutcomeIfDone()
        {
            if (_workflowTask is not { IsCompleted: true } || _context.Outcome is not null)
            {
                return;
            }

            _context.Finish(_workflowTask.Status == TaskStatus.RanToCompletion
                ? new CompleteWorkflowAction { WorkflowStatus = OrchestrationStatus.Completed, Result = _workflowTask.Result.ToJsonPayload() }
                : Failed(_workflowTask.Exception?.InnerException?.ToTaskFailureDetails()
                    ?? new TaskCanceledException("The workflow was cancelled.").ToTaskFailureDetails()));
        }

        /// <summary>
        /// A workflow still running with nothing left that history could complete is awaiting foreign work
        /// (Task.Delay, I/O, Task.Run): no later event would ever wake it, so it fails now instead of hanging.
        /// </summary>
        private void FailIfStuckOnForeignWork()
        {
            if (_context.Outcome is null && _workflowTask is { IsCompleted: false } && !_suspended && !_context.IsWaitingOnHistory)
            {
                _context.Finish(Failed(new InvalidOperationException(
                    "The workflow is awaiting a task that did not come from its WorkflowContext (Task.Delay, Task.Run, I/O…). " +
                    "Workflow code must await only WorkflowContext tasks; move other work into activities.").ToTaskFailureDetails()));
            }
        }

        private static CompleteWorkflowAction Failed(TaskFailureDetails details) =>
            new() { WorkflowStatus = OrchestrationStatus.Failed, FailureDetails = details };
    }
}
