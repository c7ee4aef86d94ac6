using System.Collections.Concurrent;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.TestSupport;
using RabbitMQ.Client;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>What is particular to RabbitMQ: what a Retry does without requeueing, and recovery.</summary>
public sealed class RabbitMqPubSubTests
{
    [Fact]
    public async Task Without_requeue_a_retried_message_goes_to_the_dead_letter_queue()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(
            BrokerUnderTest.RabbitMq, new Dictionary<string, string> { ["requeueInFailure"] = "false", ["enableDeadLetter"] = "true" });
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var deliveries = 0;
        await using var subscription = await pubsub.SubscribeAsync(topic, group, (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.FromResult(DeliveryResult.Retry);
        });

        await pubsub.PublishAsync(topic, "cannot be handled", new Dictionary<string, string> { ["reason"] = "kept" });

        await using var admin = await AdminChannel.OpenAsync();
        BasicGetResult? deadLetter = null;
        await Eventually.TrueAsync(
            async () => (deadLetter = await admin.Channel.BasicGetAsync($"dlq-{group}-{topic}", autoAck: true)) is not null,
            PubSubTimings.Delivery,
            "the message lands in the dead-letter queue");
        Assert.Equal("cannot be handled", System.Text.Encoding.UTF8.GetString(deadLetter!.Body.Span));
        Assert.Equal(1, Volatile.Read(ref deliveries));
    }

    [Fact]
    public async Task Without_requeue_or_dead_letter_a_retried_message_is_lost_as_with_daprd()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.RabbitMq, new Dictionary<string, string> { ["requeueInFailure"] = "false" });
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var deliveries = 0;
        var subscription = await pubsub.SubscribeAsync(topic, group, (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.FromResult(DeliveryResult.Retry);
        });

        await pubsub.PublishAsync(topic, "lost");

        await Eventually.TrueAsync(() => Volatile.Read(ref deliveries) == 1, PubSubTimings.Delivery, "the message arrives");
        await subscription.DisposeAsync();
        await using var admin = await AdminChannel.OpenAsync();
        Assert.Equal(0u, await admin.Channel.MessageCountAsync($"{group}-{topic}"));
        Assert.Equal(1, Volatile.Read(ref deliveries));
    }

    [Fact]
    public async Task A_subscription_whose_queue_was_deleted_declares_it_again_and_goes_on()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.RabbitMq, new Dictionary<string, string> { ["reconnectWaitSeconds"] = "0.2" });
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, group, BrokerUnderTest.Recording(received));

        await using (var admin = await AdminChannel.OpenAsync())
        {
            await admin.Channel.QueueDeleteAsync($"{group}-{topic}", ifUnused: false, ifEmpty: false);
        }

        // Until the queue is back, what is published to the exchange goes nowhere: keep publishing.
        await Eventually.TrueAsync(
            async () =>
            {
                await pubsub.PublishAsync(topic, "after the queue came back");
                return !received.IsEmpty;
            },
            PubSubTimings.Delivery,
            "a message published after the queue was declared again arrives");
    }

    [Fact]
    public async Task With_autoAck_a_retried_message_is_not_delivered_again()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.RabbitMq, new Dictionary<string, string> { ["autoAck"] = "true" });
        var topic = pubsub.NewTopic();
        var deliveries = 0;
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.FromResult(DeliveryResult.Retry);
        });

        await pubsub.PublishAsync(topic, "delivered once");

        await Eventually.TrueAsync(() => Volatile.Read(ref deliveries) == 1, PubSubTimings.Delivery, "the message arrives");
        await Task.Delay(PubSubTimings.Quiet);
        Assert.Equal(1, Volatile.Read(ref deliveries));
    }

    /// <summary>A connection of the test's own, to look at and change RabbitMQ behind the broker's back.</summary>
    private sealed class AdminChannel : IAsyncDisposable
    {
        private readonly IConnection _connection;

        private AdminChannel(IConnection connection, IChannel channel)
        {
            _connection = connection;
            Channel = channel;
        }

        public IChannel Channel { get; }

        public static async Task<AdminChannel> OpenAsync()
        {
            var connection = await new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMqUrl) }.CreateConnectionAsync();
            return new AdminChannel(connection, await connection.CreateChannelAsync());
        }

        public async ValueTask DisposeAsync()
        {
            await Channel.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}
