using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;

namespace Ecommerce.DaprLocal.Actors;

/// <summary>
/// Actor timers: kept in the sidecar's memory only, as daprd keeps them (lost on deactivation or
/// restart). Each fires <c>PUT /actors/{type}/{id}/method/timer/{name}</c> in the actor's turn,
/// with the registration's <c>callback</c>, <c>data</c>, <c>dueTime</c> and <c>period</c> echoed
/// back, until it runs out, expires, is unregistered or the app answers <c>X-DaprReminderCancel: true</c>.
/// </summary>
public sealed class ActorTimers : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Type, string Id, string Name), CancellationTokenSource> _timers = new();

    public void Register(string actorType, string actorId, string name, JsonElement registration, ActorSchedule schedule,
        Func<string, string, string, byte[], CancellationToken, Task<bool>> fire)
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
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            callback = Text(registration, "callback"),
            data = registration.TryGetProperty("data", out var data) ? data : default(JsonElement?),
            dueTime = Text(registration, "dueTime"),
            period = Text(registration, "period"),
        }));
        _ = RunAsync(key, schedule, body, fire, stop);
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
        Func<string, string, string, byte[], CancellationToken, Task<bool>> fire, CancellationTokenSource stop)
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
                    break;
                }
                var keepGoing = await fire(key.Type, key.Id, key.Name, body, token);
                fired++;
                if (!keepGoing || schedule.Period is not { } period || (schedule.Repetitions is { } times && fired >= times))
                {
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

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    public ValueTask DisposeAsync()
    {
        foreach (var key in _timers.Keys.ToArray())
        {
            Unregister(key.Type, key.Id, key.Name);
        }
        return ValueTask.CompletedTask;
    }
}
