using System.Collections.Concurrent;
using System.Text.Json;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.TestSupport;
using StackExchange.Redis;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>What is particular to Redis Streams: the entry format daprd shares, daprd's group start.</summary>
public sealed class RedisStreamsPubSubTests
{
    [Fact]
    public async Task Entries_written_as_daprd_writes_them_are_delivered_with_their_metadata()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.Redis);
        var topic = pubsub.NewTopic();
        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received));

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RedisHost);
        await redis.GetDatabase().StreamAddAsync(topic, [new("data", """{"specversion":"1.0"}"""u8.ToArray()), new("metadata", """{"pubsubName":"orders"}""")]);

        await Eventually.TrueAsync(() => !received.IsEmpty, PubSubTimings.Delivery, "daprd's entry arrives");
        var message = Assert.Single(received);
        Assert.Equal("""{"specversion":"1.0"}""", BrokerUnderTest.TextOf(message));
        Assert.Equal("orders", message.Metadata["pubsubName"]);
        Assert.Equal("application/octet-stream", message.ContentType);
    }

    [Fact]
    public async Task Published_entries_carry_the_fields_daprd_reads()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.Redis);
        var topic = pubsub.NewTopic();

        await pubsub.PublishAsync(topic, "payload", new Dictionary<string, string> { ["pubsubName"] = "orders" });

        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RedisHost);
        var entry = Assert.Single(await redis.GetDatabase().StreamRangeAsync(topic));
        Assert.Equal("payload", entry["data"].ToString());
        Assert.Equal("text/plain", entry["contentType"].ToString());
        Assert.Equal(new Dictionary<string, string> { ["pubsubName"] = "orders" }, JsonSerializer.Deserialize<Dictionary<string, string>>(entry["metadata"].ToString()));
    }

    [Fact]
    public async Task A_new_group_starts_at_the_beginning_of_the_stream_as_daprd_creates_it()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.Redis);
        var topic = pubsub.NewTopic();
        await pubsub.PublishAsync(topic, "published before anyone subscribed");

        var received = new ConcurrentQueue<PubSubMessage>();
        await using var subscription = await pubsub.SubscribeAsync(topic, BrokerUnderTest.NewGroup(), BrokerUnderTest.Recording(received));

        await Eventually.TrueAsync(() => !received.IsEmpty, PubSubTimings.Delivery, "the earlier entry arrives");
        Assert.Equal("published before anyone subscribed", BrokerUnderTest.TextOf(Assert.Single(received)));
    }

    [Fact]
    public async Task With_redelivery_disabled_a_retried_entry_stays_pending()
    {
        await using var pubsub = await BrokerUnderTest.StartAsync(BrokerUnderTest.Redis, new Dictionary<string, string> { ["redeliverInterval"] = "0" });
        var topic = pubsub.NewTopic();
        var group = BrokerUnderTest.NewGroup();
        var deliveries = 0;
        await using var subscription = await pubsub.SubscribeAsync(topic, group, (_, _) =>
        {
            Interlocked.Increment(ref deliveries);
            return Task.FromResult(DeliveryResult.Retry);
        });

        await pubsub.PublishAsync(topic, "left pending");

        await Eventually.TrueAsync(() => Volatile.Read(ref deliveries) == 1, PubSubTimings.Delivery, "the entry arrives");
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RedisHost);
        await Eventually.TrueAsync(
            async () => (await redis.GetDatabase().StreamPendingAsync(topic, group)).PendingMessageCount == 1, PubSubTimings.Delivery, "the entry is pending, not acknowledged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Volatile.Read(ref deliveries));
    }
}
