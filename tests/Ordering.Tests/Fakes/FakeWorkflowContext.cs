using Dapr.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Ordering.Tests.Fakes;

/// <summary>
/// A <see cref="WorkflowContext"/> that runs a saga's decisions without an engine: each activity is a handler given by
/// the test (an exception from it is a failed attempt; the call's retry policy decides how many attempts there are,
/// as the SDK's does, and the last failure reaches the workflow as <see cref="WorkflowTaskFailedException"/>), external
/// events are raised by the test (before or during the run), and waits with a timeout time out when told to.
/// Everything completes at once, so a run ends in the test's own call.
/// </summary>
internal sealed class FakeWorkflowContext(string instanceId) : WorkflowContext
{
    private readonly Dictionary<string, Func<object?, object?>> _activities = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource<object?>> _events = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _timingOut = new(StringComparer.OrdinalIgnoreCase);

    public override string Name => "fake";

    public override string InstanceId => instanceId;

    public override DateTime CurrentUtcDateTime { get; } = new(2026, 11, 23, 8, 0, 0, DateTimeKind.Utc);

    public override bool IsReplaying => false;

    /// <summary>Every attempt of every activity, in order.</summary>
    public List<(string Name, object? Input)> Calls { get; } = [];

    public List<object?> CustomStatuses { get; } = [];

    /// <summary>Called before each activity attempt, to raise events "while" the saga is at a step.</summary>
    public Action<string>? BeforeActivity { get; set; }

    public IEnumerable<string> CalledNames => Calls.Select(call => call.Name);

    public IEnumerable<T> InputsOf<T>() => Calls.Select(call => call.Input).OfType<T>();

    public void On<TInput, TOutput>(string activity, Func<TInput, TOutput> handler) =>
        _activities[activity] = input => handler((TInput)input!);

    public void Raise(string eventName, object payload) => Event(eventName).TrySetResult(payload);

    public void TimeOut(string eventName) => _timingOut.Add(eventName);

    public override Task<T> CallActivityAsync<T>(string name, object? input = null, WorkflowTaskOptions? options = null)
    {
        if (!_activities.TryGetValue(name, out var handler))
        {
            throw new InvalidOperationException($"The test gave no handler for activity {name}.");
        }
        var attempts = options?.RetryPolicy?.MaxNumberOfAttempts ?? 1;
        for (var attempt = 1; ; attempt++)
        {
            BeforeActivity?.Invoke(name);
            Calls.Add((name, input));
            try
            {
                return Task.FromResult((T)handler(input)!);
            }
#pragma warning disable CA1031 // Any exception of an activity fails its attempt, as in the SDK.
            catch (Exception error) when (error is not InvalidCastException)
#pragma warning restore CA1031
            {
                if (attempt >= attempts)
                {
                    return Task.FromException<T>(new WorkflowTaskFailedException(
                        $"Activity {name} failed", new WorkflowTaskFailureDetails(error.GetType().FullName!, error.Message)));
                }
            }
        }
    }

    public override Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => Task.CompletedTask;

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, CancellationToken cancellationToken = default) => AsAsync<T>(Event(eventName).Task);

    public override Task<T> WaitForExternalEventAsync<T>(string eventName, TimeSpan timeout) =>
        _timingOut.Contains(eventName) && !Event(eventName).Task.IsCompleted ? Task.FromCanceled<T>(new CancellationToken(true)) : AsAsync<T>(Event(eventName).Task);

    public override void SendEvent(string instanceId, string eventName, object payload) => throw new NotSupportedException();

    public override void SetCustomStatus(object? customStatus) => CustomStatuses.Add(customStatus);

    public override Task<TResult> CallChildWorkflowAsync<TResult>(string workflowName, object? input = null, ChildWorkflowTaskOptions? options = null) =>
        throw new NotSupportedException();

    public override ILogger CreateReplaySafeLogger(string categoryName) => NullLogger.Instance;

    public override ILogger CreateReplaySafeLogger(Type type) => NullLogger.Instance;

    public override ILogger CreateReplaySafeLogger<T>() => NullLogger.Instance;

    public override void ContinueAsNew(object? newInput = null, bool preserveUnprocessedEvents = true) => throw new NotSupportedException();

    public override Guid NewGuid() => Guid.NewGuid();

    private TaskCompletionSource<object?> Event(string name)
    {
        if (!_events.TryGetValue(name, out var source))
        {
            _events[name] = source = new TaskCompletionSource<object?>();
        }
        return source;
    }

    private static async Task<T> AsAsync<T>(Task<object?> raised) => (T)(await raised)!;
}
