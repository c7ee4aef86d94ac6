using System.Collections.Concurrent;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>The <see cref="IPubSub"/> contract, held by every broker against its real server.</summary>
public sealed class PubSubConformanceTests
{
    public static TheoryData<string> Brokers => new() { BrokerUnderTest.InMemory, BrokerUnderTest.Redis, BrokerUnderTest.RabbitMq };

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_message_arrives_with_its_bytes_content_type_and_metadata(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received));

        // Not valid UTF-8 on purpose: brokers move bytes, not text.
        byte[] data = [0x00, 0xFF, 0x7B, 0x22, 0xC3, 0x28, 0x0A, 0x80];
        var metadata = new Dictionary<string, string>
        {
            ["pubsubName"] = "orders",
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            ["Custom-Key"] = "ünïcode, with = and ; and \"quotes\"",
            ["empty"] = "",
        };
        await pubsub.PubSub.PublishAsync(new PubSubMessage(topic, data, "application/cloudevents+json", metadata), CancellationToken.None);

        await Eventually.TrueAsync(() => !received.IsEmpty, PubSubTimings.Delivery, "the message arrives");
        var message = Assert.Single(received);
        Assert.Equal(topic, message.Topic);
        Assert.Equal(data, message.Data);
        Assert.Equal("application/cloudevents+json", message.ContentType);
        Assert.Equal(metadata.OrderBy(entry => entry.Key), message.Metadata.OrderBy(entry => entry.Key));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Every_consumer_group_gets_every_message(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var first = new ConcurrentQueue<PubSubMessage>();
        var second = new ConcurrentQueue<PubSubMessage>();
        await using var firstGroup = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(first));
        await using var secondGroup = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(second));

        string[] sent = ["m0", "m1", "m2", "m3", "m4"];
        foreach (var text in sent)
        {
            await pubsub.PublishAsync(topic, text);
        }

        await Eventually.TrueAsync(() => first.Count >= sent.Length && second.Count >= sent.Length, PubSubTimings.Delivery, "both groups get all five");
        Assert.Equal(sent, first.Select(BrokerUnderTest.TextOf).Order());
        Assert.Equal(sent, second.Select(BrokerUnderTest.TextOf).Order());
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Subscribers_of_one_group_share_the_messages_without_duplicates(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var firstGot = new ConcurrentQueue<PubSubMessage>();
        var secondGot = new ConcurrentQueue<PubSubMessage>();
        var firstReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each subscriber holds on to what it gets until the other has received a message too. A
        // subscriber runs at most 10 handlers, so once one is holding 10, the other 20 can only go
        // to the other one. A broker that did not share would leave one of them with nothing, and
        // the other's handlers would wait in vain.
        await using var first = await pubsub.SubscribeAsync(topic, group, async (message, cancellationToken) =>
        {
            firstGot.Enqueue(message);
            firstReceived.TrySetResult();
            await secondReceived.Task.WaitAsync(PubSubTimings.Delivery, cancellationToken);
            return DeliveryResult.Success;
        });
        await using var second = await pubsub.SubscribeAsync(topic, group, async (message, cancellationToken) =>
        {
            secondGot.Enqueue(message);
            secondReceived.TrySetResult();
            await firstReceived.Task.WaitAsync(PubSubTimings.Delivery, cancellationToken);
            return DeliveryResult.Success;
        });

        var sent = Enumerable.Range(0, 30).Select(i => $"m{i:D2}").ToArray();
        foreach (var text in sent)
        {
            await pubsub.PublishAsync(topic, text);
        }

        await Eventually.TrueAsync(() => firstGot.Count + secondGot.Count >= sent.Length, PubSubTimings.Delivery, "all 30 are handled");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var all = firstGot.Concat(secondGot).Select(BrokerUnderTest.TextOf).ToList();
        Assert.Equal(sent, all.Order());
        Assert.NotEmpty(firstGot);
        Assert.NotEmpty(secondGot);
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Retry_redelivers_the_message_until_a_success_acknowledges_it(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var deliveries = new ConcurrentQueue<PubSubMessage>();
        var subscription = await pubsub.SubscribeAsync(topic, group, (message, _) =>
        {
            deliveries.Enqueue(message);
            return Task.FromResult(deliveries.Count == 1 ? DeliveryResult.Retry : DeliveryResult.Success);
        });

        await pubsub.PublishAsync(topic, "try again", new Dictionary<string, string> { ["attempt"] = "kept" });

        await Eventually.TrueAsync(() => deliveries.Count >= 2, PubSubTimings.Delivery, "the message is delivered again after Retry");
        await subscription.DisposeAsync();
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, message =>
        {
            Assert.Equal("try again", BrokerUnderTest.TextOf(message));
            Assert.Equal("kept", message.Metadata["attempt"]);
        });
        await AssertNothingLeftForAsync(pubsub, topic, group);
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task A_handler_exception_is_a_retry(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var attempts = 0;
        var subscription = await pubsub.SubscribeAsync(topic, group, (_, _) =>
            Interlocked.Increment(ref attempts) == 1
                ? throw new InvalidOperationException("the app is down")
                : Task.FromResult(DeliveryResult.Success));

        await pubsub.PublishAsync(topic, "survives an exception");

        await Eventually.TrueAsync(() => Volatile.Read(ref attempts) >= 2, PubSubTimings.Delivery, "the message is delivered again after the exception");
        await subscription.DisposeAsync();
        Assert.Equal(2, attempts);
        await AssertNothingLeftForAsync(pubsub, topic, group);
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Drop_acknowledges_the_message(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var deliveries = 0;
        var subscription = await pubsub.SubscribeAsync(topic, group, (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.FromResult(DeliveryResult.Drop);
        });

        await pubsub.PublishAsync(topic, "unwanted");

        await Eventually.TrueAsync(() => Volatile.Read(ref deliveries) >= 1, PubSubTimings.Delivery, "the message arrives");
        await subscription.DisposeAsync();
        Assert.Equal(1, deliveries);
        await AssertNothingLeftForAsync(pubsub, topic, group);
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Dispose_cancels_running_handlers_and_stops_delivery_without_losing_messages(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var handling = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var disposed = false;
        var calledAfterDispose = 0;
        var subscription = await pubsub.SubscribeAsync(topic, group, async (message, cancellationToken) =>
        {
            if (Volatile.Read(ref disposed))
            {
                Interlocked.Increment(ref calledAfterDispose);
            }
            handling.TrySetResult();
            // An app that never answers: only the subscription stopping ends this.
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return DeliveryResult.Success;
        });

        await pubsub.PublishAsync(topic, "interrupted");
        await handling.Task.WaitAsync(PubSubTimings.Delivery);
        await subscription.DisposeAsync().AsTask().WaitAsync(PubSubTimings.Delivery);
        Volatile.Write(ref disposed, true);

        await pubsub.PublishAsync(topic, "published after dispose");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, Volatile.Read(ref calledAfterDispose));

        // The interrupted message was never acknowledged: the group's next subscriber gets it,
        // and the one published meanwhile.
        var next = new ConcurrentQueue<PubSubMessage>();
        await using var resubscribed = await pubsub.SubscribeAsync(topic, group, BrokerUnderTest.Recording(next));
        await Eventually.TrueAsync(
            () => next.Select(BrokerUnderTest.TextOf).Distinct().Count() == 2, PubSubTimings.Delivery, "the interrupted and the later message reach the next subscriber");
        Assert.Equal(["interrupted", "published after dispose"], next.Select(BrokerUnderTest.TextOf).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Messages_published_while_the_group_was_away_arrive_when_it_subscribes_again(string broker)
    {
        // In memory too: a group's queue in the runner outlives its subscribers.
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var before = new ConcurrentQueue<PubSubMessage>();
        var subscription = await pubsub.SubscribeAsync(topic, group, BrokerUnderTest.Recording(before));
        await pubsub.PublishAsync(topic, "handled before");
        await Eventually.TrueAsync(() => !before.IsEmpty, PubSubTimings.Delivery, "the first message arrives");
        await subscription.DisposeAsync();

        await pubsub.PublishAsync(topic, "while away 1");
        await pubsub.PublishAsync(topic, "while away 2");

        var after = new ConcurrentQueue<PubSubMessage>();
        await using var resubscribed = await pubsub.SubscribeAsync(topic, group, BrokerUnderTest.Recording(after));
        await Eventually.TrueAsync(() => after.Count >= 2, PubSubTimings.Delivery, "both messages published while away arrive");
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(["while away 1", "while away 2"], after.Select(BrokerUnderTest.TextOf).Order());
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Another_sidecar_of_the_same_component_receives_what_this_one_publishes(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var otherSidecar = await pubsub.StartSidecarAsync();
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received), otherSidecar);

        await pubsub.PublishAsync(topic, "from the other app");

        await Eventually.TrueAsync(() => !received.IsEmpty, PubSubTimings.Delivery, "the other sidecar's subscriber gets the message");
        Assert.Equal("from the other app", BrokerUnderTest.TextOf(Assert.Single(received)));
    }

    [Theory]
    [MemberData(nameof(Brokers))]
    public async Task Disposing_the_component_stops_its_subscriptions(string broker)
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(broker);
        var subscriberSidecar = await pubsub.StartSidecarAsync();
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received), subscriberSidecar);
        await pubsub.PublishAsync(topic, "before");
        await Eventually.TrueAsync(() => !received.IsEmpty, PubSubTimings.Delivery, "the first message arrives");

        await subscriberSidecar.DisposeAsync().AsTask().WaitAsync(PubSubTimings.Delivery);
        await pubsub.PublishAsync(topic, "after");
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal("before", BrokerUnderTest.TextOf(Assert.Single(received)));
    }

    /// <summary>
    /// Proves the group has nothing left unacknowledged: a new subscriber gets nothing. RabbitMQ
    /// returns unacknowledged messages when the channel closes, Redis reclaims pending entries
    /// within a second here, the in-memory queue redelivers within a second.
    /// </summary>
    private static async Task AssertNothingLeftForAsync(BrokerUnderTest pubsub, string topic, string group)
    {
        var late = new ConcurrentQueue<PubSubMessage>();
        await using var probe = await pubsub.SubscribeAsync(topic, group, BrokerUnderTest.Recording(late));
        await Task.Delay(PubSubTimings.Quiet);
        Assert.Empty(late);
    }
}
