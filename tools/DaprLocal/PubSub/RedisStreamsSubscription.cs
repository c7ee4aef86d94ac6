using System.Collections.Concurrent;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// One consumer-group reader of one stream, shaped like daprd's: new entries come from XREADGROUP,
/// entries left pending (a Retry, a handler that failed or ran past <c>processingTimeout</c>, a
/// sidecar that died mid-message) are taken back with XAUTOCLAIM once they have been idle for
/// <c>processingTimeout</c>, looked for every <c>redeliverInterval</c>. Success and Drop XACK.
/// The consumer name is the group name, as daprd's: subscribers of one group share one pending list.
/// </summary>
internal sealed partial class RedisStreamsSubscription : IAsyncDisposable
{
    // StackExchange.Redis multiplexes every command over one socket and has no blocking XREADGROUP
    // (BLOCK would stall publishes and acks behind it), so an idle reader polls. One XREADGROUP
    // every 100 ms per subscription is negligible for Redis and bounds the added latency.
    private static readonly TimeSpan _idlePollDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan _errorRetryDelay = TimeSpan.FromSeconds(1);
    private static readonly RedisValue _scanStart = "0-0";

    private readonly IDatabase _database;
    private readonly RedisStreamsOptions _options;
    private readonly string _topic;
    private readonly string _group;
    private readonly Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> _handler;
    private readonly ILogger _logger;
    private readonly WorkerSlots _slots;
    private readonly int _batchSize;
    private readonly ConcurrentDictionary<string, byte> _inFlight = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _reading;
    private readonly Task _reclaiming;
    private int _disposed;

    private RedisStreamsSubscription(
        IDatabase database,
        RedisStreamsOptions options,
        string topic,
        string group,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        ILogger logger)
    {
        _database = database;
        _options = options;
        _topic = topic;
        _group = group;
        _handler = handler;
        _logger = logger;
        _slots = new WorkerSlots(options.Concurrency);
        _batchSize = Math.Min(options.QueueDepth, options.Concurrency);
        _reading = Task.Run(ReadNewEntriesAsync);
        _reclaiming = Task.Run(ReclaimPendingEntriesAsync);
    }

    public static async Task<RedisStreamsSubscription> StartAsync(
        IDatabase database,
        RedisStreamsOptions options,
        string topic,
        string group,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        ILogger logger)
    {
        await EnsureGroupAsync(database, topic, group);
        return new RedisStreamsSubscription(database, options, topic, group, handler, logger);
    }

    /// <summary>
    /// Creates the group (and the stream) if missing. Like daprd, a new group starts at "0": it
    /// also gets the entries already in the stream, not only those published after it subscribed.
    /// </summary>
    private static async Task<bool> EnsureGroupAsync(IDatabase database, string topic, string group)
    {
        try
        {
            return await database.StreamCreateConsumerGroupAsync(topic, group, "0", createStream: true);
        }
        catch (RedisServerException error) when (error.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private async Task ReadNewEntriesAsync()
    {
        var stopping = _stopping.Token;
        while (await _slots.TryTakeAsync(stopping))
        {
            var reserved = 1 + _slots.TakeFree(_batchSize - 1);
            StreamEntry[] entries;
            try
            {
                entries = await _database.StreamReadGroupAsync(_topic, _group, _group, StreamPosition.NewMessages, reserved);
            }
            catch (Exception error)
            {
                _slots.Release(reserved);
                if (!await RecoverFromReadErrorAsync(error, stopping))
                {
                    return;
                }
                continue;
            }

            _slots.Release(reserved - entries.Length);
            foreach (var entry in entries)
            {
                _inFlight.TryAdd(entry.Id.ToString(), 0);
                Deliver(entry, stopping);
            }
            if (entries.Length == 0 && !await StoppableDelay.WaitAsync(_idlePollDelay, stopping))
            {
                return;
            }
        }
    }

    /// <summary>Logs, recreates a group someone deleted (as daprd does), waits; false once stopping.</summary>
    private async Task<bool> RecoverFromReadErrorAsync(Exception error, CancellationToken stopping)
    {
        if (stopping.IsCancellationRequested)
        {
            return false;
        }
        LogReadFailed(_logger, error, _topic, _group);
        if (error is RedisServerException && error.Message.StartsWith("NOGROUP", StringComparison.Ordinal))
        {
            try
            {
                await EnsureGroupAsync(_database, _topic, _group);
            }
            catch (Exception recreateError)
            {
                LogReadFailed(_logger, recreateError, _topic, _group);
            }
        }
        return await StoppableDelay.WaitAsync(_errorRetryDelay, stopping);
    }

    private async Task ReclaimPendingEntriesAsync()
    {
        if (!_options.RedeliveryEnabled)
        {
            return;
        }
        var stopping = _stopping.Token;
        // Right away first: what a previous subscriber of the group left pending is due already.
        do
        {
            try
            {
                await ReclaimOnceAsync(stopping);
            }
            catch (Exception error)
            {
                LogReclaimFailed(_logger, error, _topic, _group);
            }
        }
        while (await StoppableDelay.WaitAsync(_options.RedeliverInterval, stopping));
    }

    /// <summary>Walks the group's pending list once, claiming what has been idle for processingTimeout.</summary>
    private async Task ReclaimOnceAsync(CancellationToken stopping)
    {
        var minIdleMilliseconds = (long)_options.ProcessingTimeout.TotalMilliseconds;
        var cursor = _scanStart;
        while (await _slots.TryTakeAsync(stopping))
        {
            var reserved = 1 + _slots.TakeFree(_batchSize - 1);
            var started = 0;
            try
            {
                var claimed = await _database.StreamAutoClaimAsync(_topic, _group, _group, minIdleMilliseconds, cursor, reserved);
                foreach (var entry in claimed.ClaimedEntries)
                {
                    // An entry still being handled here: the claim only refreshed its idle time.
                    // (Entries deleted from the stream are dropped from the pending list by XAUTOCLAIM itself.)
                    if (entry.IsNull || !_inFlight.TryAdd(entry.Id.ToString(), 0))
                    {
                        continue;
                    }
                    started++;
                    Deliver(entry, stopping);
                }
                cursor = claimed.NextStartId;
            }
            finally
            {
                _slots.Release(reserved - started);
            }
            if (cursor.IsNullOrEmpty || cursor == _scanStart)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Runs the handler off the reading loop. The caller has taken a slot and marked the entry in
    /// flight, so the task must run even when stopping, to give both back.
    /// </summary>
    private void Deliver(StreamEntry entry, CancellationToken stopping) =>
        _ = Task.Run(() => DeliverAsync(entry, stopping), CancellationToken.None);

    private async Task DeliverAsync(StreamEntry entry, CancellationToken stopping)
    {
        var id = entry.Id.ToString();
        try
        {
            if (stopping.IsCancellationRequested)
            {
                // Read as the subscription stopped: it stays pending and is reclaimed later.
                return;
            }
            var message = RedisStreamMessageCodec.Decode(_topic, entry, _logger);
            using var processing = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            if (_options.RedeliveryEnabled)
            {
                // daprd gives a handler processingTimeout, after which the entry may be claimed again.
                processing.CancelAfter(_options.ProcessingTimeout);
            }
            var result = await DeliveryHandlerInvoker.InvokeAsync(_handler, message, _logger, processing.Token);
            if (processing.IsCancellationRequested && !stopping.IsCancellationRequested)
            {
                LogProcessingTimedOut(_logger, id, _topic, _options.ProcessingTimeout.TotalSeconds);
            }
            if (result != DeliveryResult.Retry)
            {
                await _database.StreamAcknowledgeAsync(_topic, _group, entry.Id);
            }
        }
        catch (Exception error)
        {
            // Not acknowledged, so still pending: reclaimed and delivered again later.
            LogAckFailed(_logger, error, id, _topic, _group);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        await Task.WhenAll(_reading, _reclaiming);
        await _slots.DrainAsync();
        _slots.Dispose();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading stream '{Topic}' for group '{Group}' failed; retrying.")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reclaiming pending entries of stream '{Topic}' for group '{Group}' failed; trying again at the next redeliverInterval.")]
    private static partial void LogReclaimFailed(ILogger logger, Exception exception, string topic, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handling entry {EntryId} of stream '{Topic}' took longer than processingTimeout ({Seconds} s) and was cancelled.")]
    private static partial void LogProcessingTimedOut(ILogger logger, string entryId, string topic, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Acknowledging entry {EntryId} of stream '{Topic}' for group '{Group}' failed; it stays pending and will be delivered again.")]
    private static partial void LogAckFailed(ILogger logger, Exception exception, string entryId, string topic, string group);
}
