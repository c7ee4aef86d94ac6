using System.Globalization;
using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.Bindings;

/// <summary>
/// <c>bindings.cron</c>: an empty event at every occurrence of <c>schedule</c> (see <see cref="CronSchedule"/>).
/// Each event carries daprd's metadata: <c>timeZone</c> (always <c>Local</c>, the zone of daprd's scheduler,
/// even when the schedule names another) and <c>readTimeUTC</c> (Go's time format). Unlike daprd, which
/// starts every occurrence in its own goroutine, an occurrence that comes while the previous event is
/// still being handled is skipped, so a slow app never sees events pile up.
/// </summary>
public sealed partial class CronInputBinding : IInputBinding
{
    /// <summary>
    /// Long waits are taken in slices: <see cref="Task.Delay(TimeSpan, TimeProvider, CancellationToken)"/>
    /// refuses more than about 49 days (@yearly needs up to a year), and a wall clock that jumps is noticed within a slice.
    /// </summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private readonly ComponentDefinition _component;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;
    private bool _disposed;

    public CronInputBinding(ComponentDefinition component, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        _component = component;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        var schedule = component.Require("schedule");
        try
        {
            Schedule = CronSchedule.Parse(schedule, _timeProvider.LocalTimeZone);
        }
        catch (FormatException error)
        {
            throw new ComponentConfigurationException(component, $"invalid schedule format '{schedule}': {error.Message}");
        }
    }

    public CronSchedule Schedule { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RunAsync(Func<BindingEvent, CancellationToken, Task> deliver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deliver);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var running = RunCoreAsync(deliver, cancellationToken);
        _running = running;
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        await _stopping.CancelAsync();
        // Return only once the schedule has stopped and no event is in flight (daprd's Close waits for the first only).
        await _running;
        _stopping.Dispose();
    }

    /// <summary>Go's <c>time.Time.String()</c> of a UTC time: <c>2024-05-01 10:00:00.25 +0000 UTC</c>.</summary>
    internal static string GoTimeText(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + " +0000 UTC";

    private async Task RunCoreAsync(Func<BindingEvent, CancellationToken, Task> deliver, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        var token = stop.Token;
        var delivery = Task.CompletedTask;
        try
        {
            var now = _timeProvider.GetUtcNow();
            while (Schedule.Next(now) is { } next)
            {
                if (!await WaitUntilAsync(next, token))
                {
                    return;
                }
                // The next occurrence counts from when this one fired, as robfig/cron counts it.
                now = _timeProvider.GetUtcNow();
                if (delivery.IsCompleted)
                {
                    var firedAt = now;
                    delivery = Task.Run(() => DeliverAsync(deliver, firedAt, token), CancellationToken.None);
                }
                else
                {
                    LogSkipped(_logger, _component.Name, next);
                }
            }
            // A schedule with no further occurrence (30 February) never fires again.
            await WaitUntilAsync(DateTimeOffset.MaxValue, token);
        }
        finally
        {
            await delivery;
        }
    }

    /// <summary>Waits until <paramref name="time"/>; false when stopped first.</summary>
    private async Task<bool> WaitUntilAsync(DateTimeOffset time, CancellationToken token)
    {
        for (var now = _timeProvider.GetUtcNow(); now < time; now = _timeProvider.GetUtcNow())
        {
            var wait = time - now < LongestWait ? time - now : LongestWait;
            try
            {
                await Task.Delay(wait, _timeProvider, token);
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                return false;
            }
        }
        return !token.IsCancellationRequested;
    }

    private async Task DeliverAsync(Func<BindingEvent, CancellationToken, Task> deliver, DateTimeOffset firedAt, CancellationToken token)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["timeZone"] = "Local",
            ["readTimeUTC"] = GoTimeText(firedAt),
        };
        try
        {
            await deliver(new BindingEvent([], metadata), token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            LogAbandoned(_logger, _component.Name);
        }
        catch (Exception error)
        {
            // daprd ignores the outcome of a cron event too; the schedule goes on.
            LogDeliveryFailed(_logger, error, _component.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cron binding {Binding}: occurrence {Occurrence:o} skipped, the previous event is still being handled")]
    private static partial void LogSkipped(ILogger logger, string binding, DateTimeOffset occurrence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Cron binding {Binding}: event abandoned, the binding is stopping")]
    private static partial void LogAbandoned(ILogger logger, string binding);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cron binding {Binding}: the app did not handle the event")]
    private static partial void LogDeliveryFailed(ILogger logger, Exception error, string binding);
}
