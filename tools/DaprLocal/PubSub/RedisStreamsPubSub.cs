using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// <c>pubsub.redis</c> on Redis Streams, as daprd does it: one stream per topic (key = topic name),
/// one consumer group per consumer group argument. Durable: a group gets what was published
/// while none of its subscribers ran. A Retry leaves the entry pending; it is delivered again once
/// it has been pending for processingTimeout (default 60 s), found by a scan every
/// redeliverInterval (default 15 s); with either set to 0 it is never redelivered.
/// Needs Redis 6.2 or later (XAUTOCLAIM).
/// </summary>
public sealed class RedisStreamsPubSub : IPubSub
{
    private readonly RedisStreamsOptions _options;
    private readonly ILogger _logger;
    private readonly ActiveSubscriptions _subscriptions = new();
    private ConnectionMultiplexer? _connection;
    private int _disposed;

    public RedisStreamsPubSub(ComponentDefinition component, ILogger<RedisStreamsPubSub>? logger = null)
    {
        _options = RedisStreamsOptions.Parse(component);
        _logger = logger ?? NullLogger<RedisStreamsPubSub>.Instance;
    }

    private IDatabase Database =>
        _connection?.GetDatabase(_options.Database) ?? throw new InvalidOperationException("InitializeAsync has not completed.");

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var connection = await ConnectionMultiplexer.ConnectAsync(_options.ToConfiguration());
        try
        {
            await connection.GetDatabase(_options.Database).PingAsync().WaitAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        _connection = connection;
    }

    public async Task PublishAsync(PubSubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var database = Database;
        long? maxLength = _options.MaxLenApprox;
        await database.StreamAddAsync(
            message.Topic, RedisStreamMessageCodec.Encode(message), messageId: null, maxLength: maxLength, useApproximateMaxLength: true)
            .WaitAsync(cancellationToken);
        if (_options.StreamTtl is { } ttl)
        {
            // daprd trims by entry id (the id is the append time in ms) on every publish.
            var oldestKept = $"{(DateTimeOffset.UtcNow - ttl).ToUnixTimeMilliseconds()}-1";
            await database.StreamTrimByMinIdAsync(message.Topic, oldestKept, useApproximateMaxLength: true).WaitAsync(cancellationToken);
        }
    }

    public async Task<IAsyncDisposable> SubscribeAsync(
        string topic,
        string consumerGroup,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        // Not abandoned on cancellation: a subscription that started anyway would run unowned.
        var subscription = await RedisStreamsSubscription.StartAsync(Database, _options, topic, consumerGroup, handler, _logger);
        return _subscriptions.Add(subscription);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _subscriptions.DisposeAllAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
