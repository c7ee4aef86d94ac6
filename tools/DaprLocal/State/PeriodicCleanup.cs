namespace Ecommerce.DaprLocal.State;

/// <summary>
/// Runs a store's purge of expired items every interval until disposed. A failed run is logged and
/// the next one tried: expired items are hidden from reads anyway, so a purge is only housekeeping.
/// </summary>
internal sealed partial class PeriodicCleanup : IAsyncDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<CancellationToken, Task> _cleanup;
    private readonly ILogger _logger;
    private readonly string _component;
    private readonly Task _loop;

    public PeriodicCleanup(TimeSpan interval, Func<CancellationToken, Task> cleanup, ILogger logger, string component)
    {
        _timer = new PeriodicTimer(interval);
        _cleanup = cleanup;
        _logger = logger;
        _component = component;
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        // Disposing the timer ends the wait with false: that is how the loop stops.
        while (await _timer.WaitForNextTickAsync())
        {
            try
            {
                await _cleanup(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception error)
            {
                LogCleanupFailed(_logger, error, _component);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _timer.Dispose();
        await _loop;
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "State store {Component}: purging expired items failed; will retry at the next interval")]
    private static partial void LogCleanupFailed(ILogger logger, Exception error, string component);
}
