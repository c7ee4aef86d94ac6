using System.Collections.Concurrent;
using Dapr.Actors;
using Dapr.Actors.Runtime;

namespace Ecommerce.DaprLocal.Tests.Actors;

public interface ICounter : IActor
{
    Task<int> IncrementAsync();

    Task<int> GetAsync();

    Task<string> ReplicaAsync();

    Task StartTickingAsync(int periodMilliseconds);

    Task StopTickingAsync();

    Task RemindAsync(string name, int dueMilliseconds, int periodMilliseconds);

    Task ForgetAsync(string name);

    Task<bool> HasReminderAsync(string name);

    Task<int> NestAsync(int depth);
}

/// <summary>Which actor ids a replica activated, so a test can tell where actors live.</summary>
public sealed class ReplicaRecord(string name)
{
    public string Name { get; } = name;

    public ConcurrentDictionary<string, int> Activations { get; } = new();

    public ConcurrentDictionary<string, int> Deactivations { get; } = new();

    public ConcurrentDictionary<string, int> Ticks { get; } = new();

    public ConcurrentDictionary<string, int> Reminded { get; } = new();
}

/// <summary>
/// A counter whose increment reads, waits a moment and writes: without the sidecar's turn-based
/// concurrency, concurrent calls would overwrite each other and lose increments.
/// </summary>
[Actor(TypeName = "Counter")]
public sealed class CounterActor(ActorHost host, ReplicaRecord replica) : Actor(host), ICounter, IRemindable
{
    protected override Task OnActivateAsync()
    {
        replica.Activations.AddOrUpdate(Id.GetId(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    protected override Task OnDeactivateAsync()
    {
        replica.Deactivations.AddOrUpdate(Id.GetId(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    public Task StartTickingAsync(int periodMilliseconds) =>
        RegisterTimerAsync("tick", nameof(OnTickAsync), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(periodMilliseconds));

    public Task StopTickingAsync() => UnregisterTimerAsync("tick");

    public Task OnTickAsync()
    {
        replica.Ticks.AddOrUpdate(Id.GetId(), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    /// <summary>A period of 0 is a one-shot reminder.</summary>
    public Task RemindAsync(string name, int dueMilliseconds, int periodMilliseconds) =>
        RegisterReminderAsync(name, null, TimeSpan.FromMilliseconds(dueMilliseconds),
            periodMilliseconds == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(periodMilliseconds));

    public Task ForgetAsync(string name) => UnregisterReminderAsync(name);

    public async Task<bool> HasReminderAsync(string name) => await GetReminderAsync(name) is not null;

    public Task ReceiveReminderAsync(string reminderName, byte[] state, TimeSpan dueTime, TimeSpan period)
    {
        replica.Reminded.AddOrUpdate($"{Id.GetId()}/{reminderName}", 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }

    /// <summary>Calls itself through the sidecar <paramref name="depth"/> times: needs reentrancy, else the turn lock waits forever.</summary>
    public async Task<int> NestAsync(int depth) =>
        depth == 0 ? 0 : 1 + await ProxyFactory.CreateActorProxy<ICounter>(Id, "Counter").NestAsync(depth - 1);

    public async Task<int> IncrementAsync()
    {
        var value = await StateManager.GetOrAddStateAsync("count", 0);
        await Task.Delay(1);
        await StateManager.SetStateAsync("count", value + 1);
        return value + 1;
    }

    public Task<int> GetAsync() => StateManager.GetOrAddStateAsync("count", 0);

    public Task<string> ReplicaAsync() => Task.FromResult(replica.Name);
}
