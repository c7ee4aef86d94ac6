using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// <c>pubsub.rabbitmq</c> as daprd does it: one exchange per topic (kind <c>exchangeKind</c>,
/// fanout by default), one queue per (consumer group, topic) named <c>&lt;group&gt;-&lt;topic&gt;</c>,
/// manual acknowledgements. One connection for the component, one channel for publishing and
/// one per subscription. A lost connection is reopened after <c>reconnectWaitSeconds</c>: a
/// publish tries three times, subscriptions until disposed. What a Retry does depends on
/// <c>requeueInFailure</c> and <c>enableDeadLetter</c>; see <see cref="RabbitMqSubscription"/>.
/// With daprd's default <c>deletedWhenUnused: true</c> a group's queue is deleted when its last
/// subscriber goes, and what is published meanwhile is lost; set it to false to keep it.
/// </summary>
public sealed partial class RabbitMqPubSub : IPubSub
{
    private const int PublishAttempts = 3;

    private readonly RabbitMqOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private readonly SemaphoreSlim _publishLock = new(1, 1);
    private readonly HashSet<string> _declaredExchanges = new(StringComparer.Ordinal);
    private readonly ActiveSubscriptions _subscriptions = new();
    private IConnection? _connection;
    private IChannel? _publishChannel;
    private int _disposed;

    public RabbitMqPubSub(ComponentDefinition component, ILogger<RabbitMqPubSub>? logger = null)
    {
        _options = RabbitMqOptions.Parse(component);
        _logger = logger ?? NullLogger<RabbitMqPubSub>.Instance;
    }

    public async Task InitializeAsync(CancellationToken cancellationToken) => await ConnectAsync(cancellationToken);

    public async Task PublishAsync(PubSubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var properties = RabbitMqMessageCodec.ToProperties(message, _options, _logger);
        var routingKey = message.Metadata.TryGetValue("routingKey", out var key) ? key : "";
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await PublishOnceAsync(message, properties, routingKey, cancellationToken);
                return;
            }
            catch (Exception error) when (attempt < PublishAttempts
                && !cancellationToken.IsCancellationRequested
                && RabbitMqShutdown.IsConnectionLoss(error, Volatile.Read(ref _connection)))
            {
                LogPublishRetry(_logger, error, message.Topic, attempt, _options.ReconnectWait.TotalSeconds);
            }
            await Task.Delay(_options.ReconnectWait, cancellationToken);
        }
    }

    private async Task PublishOnceAsync(PubSubMessage message, BasicProperties properties, string routingKey, CancellationToken cancellationToken)
    {
        await _publishLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            var channel = await PublishChannelAsync(cancellationToken);
            if (!_declaredExchanges.Contains(message.Topic))
            {
                await RabbitMqTopology.DeclareExchangeAsync(channel, _options, message.Topic, cancellationToken);
                _declaredExchanges.Add(message.Topic);
            }
            // With publisherConfirm the channel tracks confirmations: this waits for the broker's
            // ack and throws if it nacks.
            await channel.BasicPublishAsync(message.Topic, routingKey, mandatory: false, properties, message.Data, cancellationToken);
        }
        finally
        {
            _publishLock.Release();
        }
    }

    /// <summary>Called under the publish lock; a channel a failed publish closed is replaced.</summary>
    private async Task<IChannel> PublishChannelAsync(CancellationToken cancellationToken)
    {
        if (_publishChannel is { IsOpen: true } open)
        {
            return open;
        }
        if (_publishChannel is { } closed)
        {
            _publishChannel = null;
            await RabbitMqShutdown.CloseQuietlyAsync(closed, _logger);
        }
        var connection = await ConnectAsync(cancellationToken);
        _publishChannel = await connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: _options.PublisherConfirm,
                publisherConfirmationTrackingEnabled: _options.PublisherConfirm),
            cancellationToken);
        // Declarations belong to the server, but a new channel may mean a restarted server.
        _declaredExchanges.Clear();
        return _publishChannel;
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
        var subscription = await RabbitMqSubscription.StartAsync(ConnectAsync, _options, topic, consumerGroup, handler, _logger, cancellationToken);
        return _subscriptions.Add(subscription);
    }

    /// <summary>The component's connection, opened again if it was lost.</summary>
    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { IsOpen: true } open)
        {
            return open;
        }
        await _connectionLock.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed != 0, this);
            if (_connection is { IsOpen: true } current)
            {
                return current;
            }
            if (_connection is { } lost)
            {
                _connection = null;
                await RabbitMqShutdown.CloseQuietlyAsync(lost, _logger);
            }
            var connection = await _options.CreateConnectionFactory().CreateConnectionAsync(cancellationToken);
            connection.ConnectionShutdownAsync += OnConnectionShutdownAsync;
            Volatile.Write(ref _connection, connection);
            return connection;
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    private Task OnConnectionShutdownAsync(object sender, ShutdownEventArgs reason)
    {
        if (reason.Initiator != ShutdownInitiator.Application)
        {
            LogConnectionLost(_logger, reason.ReplyCode, reason.ReplyText, _options.ReconnectWait.TotalSeconds);
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _subscriptions.DisposeAllAsync();
        // Taken and given back rather than disposed: a publish racing this must fail with
        // ObjectDisposedException, not wait forever on a disposed lock.
        await _publishLock.WaitAsync();
        await _connectionLock.WaitAsync();
        try
        {
            if (_publishChannel is not null)
            {
                await RabbitMqShutdown.CloseQuietlyAsync(_publishChannel, _logger);
                _publishChannel = null;
            }
            if (_connection is not null)
            {
                await RabbitMqShutdown.CloseQuietlyAsync(_connection, _logger);
                _connection = null;
            }
        }
        finally
        {
            _connectionLock.Release();
            _publishLock.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing to RabbitMQ exchange '{Topic}' failed (attempt {Attempt}); reconnecting in {Seconds} s.")]
    private static partial void LogPublishRetry(ILogger logger, Exception exception, string topic, int attempt, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ connection lost ({ReplyCode} {ReplyText}); reconnecting after {Seconds} s.")]
    private static partial void LogConnectionLost(ILogger logger, ushort replyCode, string replyText, double seconds);
}
