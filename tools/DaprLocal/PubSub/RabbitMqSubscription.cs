using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// One consumer of the queue <c>&lt;consumerGroup&gt;-&lt;topic&gt;</c> on its own channel; other
/// subscribers of the group consume the same queue and compete. After the channel or connection
/// is lost, or RabbitMQ cancels the consumer, it waits <c>reconnectWaitSeconds</c>, then declares
/// and consumes again, until disposed.
/// <para>
/// Settling, as daprd does it — the sidecar's resiliency policy and dead-letter topic have had
/// their turn before a handler answers Retry, so this is what happens to the message after that:
/// </para>
/// <list type="bullet">
/// <item>Success, Drop: ack; the message is gone.</item>
/// <item>Retry with <c>requeueInFailure: true</c>: after 1 s (daprd requeues at once; the pause keeps
/// an always-failing message from spinning) nack with requeue; RabbitMQ delivers it again to a
/// subscriber of the group, forever.</item>
/// <item>Retry with <c>requeueInFailure: false</c> (the default) and <c>enableDeadLetter: true</c>:
/// nack without requeue; RabbitMQ moves it to <c>dlq-&lt;queue&gt;</c>, where it stays for a person
/// (nothing consumes that queue). Not delivered again.</item>
/// <item>Retry with both false: nack without requeue; RabbitMQ discards the message — it is lost,
/// which breaks at-least-once exactly as daprd does with these settings.</item>
/// <item><c>autoAck: true</c>: RabbitMQ considered the message delivered when it sent it; a Retry
/// cannot bring it back and it is lost.</item>
/// </list>
/// A Retry caused by the subscription stopping settles nothing: closing the channel hands every
/// unacknowledged message back to the queue.
/// </summary>
internal sealed partial class RabbitMqSubscription : IAsyncDisposable
{
    private static readonly TimeSpan _requeueDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long the first subscribe keeps trying to reach RabbitMQ, as daprd's.</summary>
    private static readonly TimeSpan _firstSubscribeDeadline = TimeSpan.FromMinutes(1);

    private readonly Func<CancellationToken, Task<IConnection>> _connect;
    private readonly RabbitMqOptions _options;
    private readonly string _topic;
    private readonly string _queue;
    private readonly Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> _handler;
    private readonly ILogger _logger;
    private readonly InFlightHandlers _inFlight = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationToken _stoppingToken;
    private IConnection? _connection;
    private IChannel? _channel;
    private string? _consumerTag;
    private Task _channelClosed = Task.CompletedTask;
    private Task _supervisor = Task.CompletedTask;
    private int _disposed;

    private RabbitMqSubscription(
        Func<CancellationToken, Task<IConnection>> connect,
        RabbitMqOptions options,
        string topic,
        string consumerGroup,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        ILogger logger)
    {
        _connect = connect;
        _options = options;
        _topic = topic;
        _queue = RabbitMqTopology.QueueName(consumerGroup, topic);
        _handler = handler;
        _logger = logger;
        _stoppingToken = _stopping.Token;
    }

    public static async Task<RabbitMqSubscription> StartAsync(
        Func<CancellationToken, Task<IConnection>> connect,
        RabbitMqOptions options,
        string topic,
        string consumerGroup,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var subscription = new RabbitMqSubscription(connect, options, topic, consumerGroup, handler, logger);
        try
        {
            await subscription.OpenFirstAsync(cancellationToken);
        }
        catch
        {
            await subscription.DisposeAsync();
            throw;
        }
        // Not tied to the caller's token: the supervisor lives until the subscription is disposed.
        subscription._supervisor = Task.Run(subscription.SuperviseAsync, CancellationToken.None);
        return subscription;
    }

    /// <summary>
    /// Retries a lost or unreachable server for up to a minute; anything else (a queue declared
    /// elsewhere with other arguments, access refused) is a configuration the caller must see.
    /// </summary>
    private async Task OpenFirstAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_firstSubscribeDeadline);
        while (true)
        {
            try
            {
                await OpenAsync(deadline.Token);
                return;
            }
            catch (Exception error) when (RabbitMqShutdown.IsConnectionLoss(error, _connection) && !deadline.IsCancellationRequested)
            {
                LogReconnecting(_logger, error, _queue, _options.ReconnectWait.TotalSeconds);
            }
            await Task.Delay(_options.ReconnectWait, deadline.Token);
        }
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        _connection = await _connect(cancellationToken);
        var channel = await _connection.CreateChannelAsync(
            new CreateChannelOptions(
                publisherConfirmationsEnabled: false,
                publisherConfirmationTrackingEnabled: false,
                consumerDispatchConcurrency: _options.HandlerConcurrency),
            cancellationToken);
        try
        {
            var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            channel.ChannelShutdownAsync += (_, reason) =>
            {
                LogChannelClosed(_logger, _queue, reason.ReplyCode, reason.ReplyText);
                closed.TrySetResult();
                return Task.CompletedTask;
            };
            await RabbitMqTopology.DeclareSubscriptionQueueAsync(channel, _options, _topic, _queue, cancellationToken);
            if (_options.PrefetchCount > 0)
            {
                await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: _options.PrefetchCount, global: false, cancellationToken);
            }
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(channel, delivery);
            consumer.UnregisteredAsync += (_, _) =>
            {
                // RabbitMQ cancels a consumer whose queue was deleted; like daprd, declare and consume again.
                if (!_stoppingToken.IsCancellationRequested)
                {
                    LogConsumerCancelled(_logger, _queue);
                    closed.TrySetResult();
                }
                return Task.CompletedTask;
            };
            _channel = channel;
            _channelClosed = closed.Task;
            _consumerTag = await channel.BasicConsumeAsync(
                _queue, _options.AutoAck, consumerTag: "", noLocal: false, exclusive: false, arguments: null, consumer, cancellationToken);
        }
        catch
        {
            _channel = null;
            await RabbitMqShutdown.CloseQuietlyAsync(channel, _logger);
            throw;
        }
    }

    /// <summary>Reopens the channel whenever it closes, until the subscription stops.</summary>
    private async Task SuperviseAsync()
    {
        var stopped = Task.Delay(Timeout.Infinite, _stoppingToken);
        while (true)
        {
            await Task.WhenAny(_channelClosed, stopped);
            if (_stoppingToken.IsCancellationRequested)
            {
                return;
            }
            if (_channel is { } lost)
            {
                _channel = null;
                await RabbitMqShutdown.CloseQuietlyAsync(lost, _logger);
            }
            if (!await ReopenAsync())
            {
                return;
            }
        }
    }

    /// <summary>Waits reconnectWaitSeconds between attempts; false once the subscription stops.</summary>
    private async Task<bool> ReopenAsync()
    {
        while (await StoppableDelay.WaitAsync(_options.ReconnectWait, _stoppingToken))
        {
            try
            {
                await OpenAsync(_stoppingToken);
                LogResubscribed(_logger, _queue);
                return true;
            }
            catch (Exception error)
            {
                if (_stoppingToken.IsCancellationRequested)
                {
                    return false;
                }
                LogReconnecting(_logger, error, _queue, _options.ReconnectWait.TotalSeconds);
            }
        }
        return false;
    }

    private async Task OnDeliveryAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        if (!_inFlight.TryEnter())
        {
            // Stopping: left unacknowledged, it returns to the queue when the channel closes.
            return;
        }
        try
        {
            var message = RabbitMqMessageCodec.ToMessage(_topic, delivery);
            var result = await DeliveryHandlerInvoker.InvokeAsync(_handler, message, _logger, _stoppingToken);
            await SettleAsync(channel, delivery.DeliveryTag, result);
        }
        catch (Exception error)
        {
            // The channel is gone: RabbitMQ redelivers every message it did not see acknowledged.
            LogSettleFailed(_logger, error, _queue);
        }
        finally
        {
            _inFlight.Exit();
        }
    }

    private async Task SettleAsync(IChannel channel, ulong deliveryTag, DeliveryResult result)
    {
        if (_options.AutoAck)
        {
            if (result == DeliveryResult.Retry)
            {
                LogLost(_logger, _queue, "autoAck is true");
            }
            return;
        }
        if (result != DeliveryResult.Retry)
        {
            await channel.BasicAckAsync(deliveryTag, multiple: false, CancellationToken.None);
            return;
        }
        if (_stoppingToken.IsCancellationRequested)
        {
            return;
        }
        if (_options.RequeueInFailure)
        {
            if (await StoppableDelay.WaitAsync(_requeueDelay, _stoppingToken))
            {
                await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: true, CancellationToken.None);
            }
            return;
        }
        await channel.BasicNackAsync(deliveryTag, multiple: false, requeue: false, CancellationToken.None);
        if (_options.EnableDeadLetter)
        {
            LogDeadLettered(_logger, _queue, RabbitMqTopology.DeadLetterQueueName(_queue));
        }
        else
        {
            LogLost(_logger, _queue, "requeueInFailure and enableDeadLetter are false");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        var drained = _inFlight.CloseAndDrainAsync();
        await _stopping.CancelAsync();
        await _supervisor;
        if (_channel is { IsOpen: true } channel && _consumerTag is { } consumerTag)
        {
            try
            {
                // RabbitMQ stops pushing to us while the running handlers finish.
                await channel.BasicCancelAsync(consumerTag, noWait: false, CancellationToken.None);
            }
            catch (Exception error)
            {
                LogSettleFailed(_logger, error, _queue);
            }
        }
        await drained;
        if (_channel is not null)
        {
            await RabbitMqShutdown.CloseQuietlyAsync(_channel, _logger);
            _channel = null;
        }
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription to RabbitMQ queue '{Queue}' failed; retrying in {Seconds} s.")]
    private static partial void LogReconnecting(ILogger logger, Exception exception, string queue, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming RabbitMQ queue '{Queue}' again.")]
    private static partial void LogResubscribed(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Channel of RabbitMQ queue '{Queue}' closed: {ReplyCode} {ReplyText}.")]
    private static partial void LogChannelClosed(ILogger logger, string queue, ushort replyCode, string replyText);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RabbitMQ cancelled the consumer of queue '{Queue}' (was the queue deleted?); subscribing again.")]
    private static partial void LogConsumerCancelled(ILogger logger, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settling a message of RabbitMQ queue '{Queue}' failed; RabbitMQ will deliver it again.")]
    private static partial void LogSettleFailed(ILogger logger, Exception exception, string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of RabbitMQ queue '{Queue}' asked for a retry and went to dead-letter queue '{DeadLetterQueue}'.")]
    private static partial void LogDeadLettered(ILogger logger, string queue, string deadLetterQueue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message of RabbitMQ queue '{Queue}' asked for a retry and is lost: {Reason}.")]
    private static partial void LogLost(ILogger logger, string queue, string reason);
}
