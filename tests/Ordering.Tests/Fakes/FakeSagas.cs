using System.Collections.Concurrent;
using Ecommerce.Ordering.Infrastructure;
using Ecommerce.Ordering.Model;
using Ecommerce.Ordering.Workflow;

namespace Ecommerce.Ordering.Tests.Fakes;

/// <summary>The workflow engine as the API tests see it: which sagas were started and which events raised.</summary>
internal sealed class FakeSagas : ISagas
{
    private readonly ConcurrentDictionary<string, object> _started = new(StringComparer.Ordinal);

    public ConcurrentQueue<object> Starts { get; } = new();

    public ConcurrentQueue<(string InstanceId, string EventName, object Payload)> Raised { get; } = new();

    public Task StartCheckoutAsync(CheckoutInput input, CancellationToken cancellationToken) => StartAsync(input.OrderId, input);

    public Task StartReturnAsync(ReturnInput input, CancellationToken cancellationToken) => StartAsync(ISagas.ReturnInstanceId(input.OrderId), input);

    /// <summary>What the engine answers about an instance, set by the test (an instance started and not set is running).</summary>
    public ConcurrentDictionary<string, SagaState> States { get; } = new(StringComparer.Ordinal);

    public Task<bool> StartRecoveryAsync(RecoveryInput input, CancellationToken cancellationToken) =>
        Task.FromResult(StartCore(ISagas.RecoveryInstanceId(input.OrderId), input));

    public Task<SagaState?> GetStateAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(States.TryGetValue(instanceId, out var state) ? state
            : _started.ContainsKey(instanceId) ? new SagaState("running", false, null) : null);

    public Task<bool> ExistsAsync(string instanceId, CancellationToken cancellationToken) => Task.FromResult(_started.ContainsKey(instanceId));

    public Task RaiseAsync(string instanceId, string eventName, object payload, CancellationToken cancellationToken)
    {
        Raised.Enqueue((instanceId, eventName, payload));
        return Task.CompletedTask;
    }

    public Task<SagaView?> DescribeAsync(string instanceId, CancellationToken cancellationToken) =>
        Task.FromResult(_started.TryGetValue(instanceId, out var input)
            ? new SagaView(instanceId, input is ReturnInput ? nameof(ReturnWorkflow) : nameof(CheckoutWorkflow), "running", null,
                DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, null, [new SagaHistoryEntry(-1, "executionStarted", DateTimeOffset.UtcNow)])
            : null);

    /// <summary>As if the saga had never been started (the process died between writing the order and starting it).</summary>
    public void Forget(string instanceId) => _started.TryRemove(instanceId, out _);

    public int StartsOf(string instanceId) => Starts.Count(start => start switch
    {
        CheckoutInput checkout => checkout.OrderId == instanceId,
        ReturnInput started => ISagas.ReturnInstanceId(started.OrderId) == instanceId,
        RecoveryInput recovery => ISagas.RecoveryInstanceId(recovery.OrderId) == instanceId,
        _ => false,
    });

    private Task StartAsync(string instanceId, object input)
    {
        StartCore(instanceId, input);
        return Task.CompletedTask;
    }

    private bool StartCore(string instanceId, object input)
    {
        if (!_started.TryAdd(instanceId, input))
        {
            return false;
        }
        Starts.Enqueue(input);
        return true;
    }
}
