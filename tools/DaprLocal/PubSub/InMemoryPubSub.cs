using Ecommerce.DaprLocal.Resources;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// <c>pubsub.in-memory</c>: the component's broker in the runner's <see cref="InMemoryBrokerRegistry"/>,
/// shared by every sidecar that loads a component of this name. Unlike daprd's (serial per topic,
/// 10 attempts 100 ms apart, then dropped), each subscriber runs up to
/// <see cref="HandlersPerSubscription"/> handlers at once and a message to retry is kept and
/// redelivered forever, with a delay growing from 1 s to 10 s.
/// </summary>
public sealed class InMemoryPubSub : IPubSub
{
    /// <summary>How many handlers one subscription runs at once; daprd's in-memory broker has no setting for it.</summary>
    public const int HandlersPerSubscription = 10;

    private readonly InMemoryBroker _broker;
    private readonly ILogger _logger;
    private readonly ActiveSubscriptions _subscriptions = new();
    private int _disposed;

    public InMemoryPubSub(ComponentDefinition component, InMemoryBrokerRegistry brokers, ILogger<InMemoryPubSub>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(brokers);
        _broker = brokers.GetOrCreate(component.Name);
        _logger = logger ?? NullLogger<InMemoryPubSub>.Instance;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(PubSubMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        _broker.Publish(message);
        return Task.CompletedTask;
    }

    public Task<IAsyncDisposable> SubscribeAsync(
        string topic,
        string consumerGroup,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentException.ThrowIfNullOrEmpty(consumerGroup);
        ArgumentNullException.ThrowIfNull(handler);
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var queue = _broker.JoinGroup(topic, consumerGroup);
        var subscription = new InMemorySubscription(queue, handler, HandlersPerSubscription, _logger);
        return Task.FromResult(_subscriptions.Add(subscription));
    }

    /// <summary>Stops this component's subscriptions; the shared broker and its queued messages stay.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            await _subscriptions.DisposeAllAsync();
        }
    }
}
