using Dapr.Actors.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The actor measured: a counter kept in actor state, so every call also saves through the
/// sidecar's actor state store — the ordinary shape of an actor method.
/// </summary>
[Actor(TypeName = TypeName)]
public sealed class BenchCounterActor(ActorHost host) : Actor(host), IBenchCounter
{
    public const string TypeName = "BenchCounter";

    private const string CountKey = "count";

    public async Task<int> IncrementAsync(int amount)
    {
        var value = await StateManager.GetOrAddStateAsync(CountKey, 0) + amount;
        await StateManager.SetStateAsync(CountKey, value);
        return value;
    }

    public Task<int> GetAsync() => StateManager.GetOrAddStateAsync(CountKey, 0);
}
