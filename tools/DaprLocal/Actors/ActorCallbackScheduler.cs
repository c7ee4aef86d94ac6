using System.Collections.Concurrent;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// Runs scheduled actor callbacks (timers, reminders) in memory: each fires through the given
/// callback on its schedule until it runs out, expires, is unregistered or the callback answers
/// false (the app sent <c>X-DaprReminderCancel: true</c>). What survives a restart is the caller's
/// business (reminders are persisted, timers are not, as in daprd).
/// </summary>
public sealed class ActorCallbackScheduler : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Type, string Id, string Name), CancellationTokenSource> _timers = new();

    /// <summary>
    /// Schedules <paramref name="fire"/> (replacing a callback of the same actor and name): each firing
    /// sends <paramref name="body"/>; <paramref name="onFinished"/> runs once the schedule has run out on
    /// its own or the app cancelled it (not when unregistered).
    /// </summary>
    public void Register(string actorType, string actorId, string name, byte[] body, ActorSchedule schedule,
        Func<string, string, string, byte[], CancellationToken, Task<bool>> fire, Action? onFinished = null)
    {
        ArgumentNullException.ThrowIfNull(fire);
        var key = (actorType, actorId, name);
        var stop = new CancellationTokenSource();
        if (_timers.TryRemove(key, out var previous))
        {
            previous.Cancel();
            previous.Dispose();
        }
        _timers[key] = stop;
        _ = RunAsync(key, schedule, body, fire, stop, onFinished);
    }

    public void Unregister(string actorType, string actorId, string name)
    {
        if (_timers.TryRemove((actorType, actorId, name), out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    /// <summary>Drops every timer of an actor (it was deactivated).</summary>
    public void UnregisterAll(string actorType, string actorId)
    {
        foreach (var key in _timers.Keys.Where(k => k.Type == actorType && k.Id == actorId).ToArray())
        {
            Unregister(key.Type, key.Id, key.Name);
        }
    }

    private async Task RunAsync(
        (string Type, string Id, string Name) key, ActorSchedule schedule, byte[] body,
        Func<string, string, string, byte[], CancellationToken, Task<bool>> fire, CancellationTokenSource stop, Action? onFinished)
    {
        var due = schedule.FirstDue;
        var fired = 0;
        // Taken once: Unregister may dispose the source while this loop runs.
        var token = stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var wait = due - DateTimeOffset.UtcNow;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, token);
                }
                if (schedule.Expires is { } expires && DateTimeOffset.UtcNow >= expires)
                {
                    onFinished?.Invoke();
                    break;
                }
                var keepGoing = await fire(key.Type, key.Id, key.Name, body, token);
                fired++;
                if (!keepGoing || schedule.Period is not { } period || (schedule.Repetitions is { } times && fired >= times))
                {
                    onFinished?.Invoke();
                    break;
                }
                due += period;
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unregistered or the sidecar is stopping.
        }
        finally
        {
            if (_timers.TryGetValue(key, out var current) && current == stop)
            {
                Unregister(key.Type, key.Id, key.Name);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        foreach (var key in _timers.Keys.ToArray())
        {
            Unregister(key.Type, key.Id, key.Name);
        }
        return ValueTask.CompletedTask;
    }
}
