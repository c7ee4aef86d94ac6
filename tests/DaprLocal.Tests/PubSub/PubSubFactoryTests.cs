using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.PubSub;

public sealed class PubSubFactoryTests
{
    private static readonly Dictionary<string, string> _noMetadata = [];

    [Theory]
    [InlineData("pubsub.in-memory")]
    [InlineData("pubsub.redis")]
    [InlineData("pubsub.rabbitmq")]
    [InlineData("PubSub.Redis")]
    public void The_three_brokers_are_supported_in_any_case(string type) => Assert.True(PubSubFactory.IsSupported(type));

    [Theory]
    [InlineData("pubsub.kafka")]
    [InlineData("state.redis")]
    [InlineData("")]
    public void Other_types_are_not_supported(string type) => Assert.False(PubSubFactory.IsSupported(type));

    [Fact]
    public void An_unknown_type_is_refused_naming_the_type_and_the_file()
    {
        var component = BrokerUnderTest.Definition("pubsub.kafka", _noMetadata);

        var error = Assert.Throws<ComponentConfigurationException>(() => PubSubFactory.Create(component, new InMemoryBrokerRegistry()));

        Assert.Contains("pubsub.kafka", error.Message, StringComparison.Ordinal);
        Assert.Contains("components/pubsub.yaml:7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pubsub.redis", "redisHost")]
    [InlineData("pubsub.rabbitmq", "connectionString")]
    public void Missing_required_metadata_is_reported_by_name(string type, string key)
    {
        var component = BrokerUnderTest.Definition(type, _noMetadata);

        var error = Assert.Throws<ComponentConfigurationException>(() => PubSubFactory.Create(component, new InMemoryBrokerRegistry()));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BrokerUnderTest.Redis, "concurrency", "0")]
    [InlineData(BrokerUnderTest.Redis, "processingTimeout", "soon")]
    [InlineData(BrokerUnderTest.Redis, "maxLenApprox", "-5")]
    [InlineData(BrokerUnderTest.RabbitMq, "exchangeKind", "broadcast")]
    [InlineData(BrokerUnderTest.RabbitMq, "deliveryMode", "3")]
    [InlineData(BrokerUnderTest.RabbitMq, "concurrency", "lots")]
    [InlineData(BrokerUnderTest.RabbitMq, "connectionString", "http://127.0.0.1:5672")]
    [InlineData(BrokerUnderTest.RabbitMq, "durable", "yes")]
    public void Malformed_metadata_is_refused_by_name(string broker, string key, string value)
    {
        var component = BrokerUnderTest.ComponentOf(broker, new Dictionary<string, string> { [key] = value });

        var error = Assert.Throws<ComponentConfigurationException>(() => PubSubFactory.Create(component, new InMemoryBrokerRegistry()));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_daprd_does_not_have_is_refused()
    {
        var component = BrokerUnderTest.Definition("pubsub.in-memory", _noMetadata, version: "v2");

        var error = Assert.Throws<ComponentConfigurationException>(() => PubSubFactory.Create(component, new InMemoryBrokerRegistry()));

        Assert.Contains("v2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Creating_does_not_connect()
    {
        // Metadata is checked at once; the server is only contacted by InitializeAsync.
        var component = BrokerUnderTest.Definition("pubsub.rabbitmq", new Dictionary<string, string> { ["hostname"] = "127.0.0.1:1" });

        await using var pubsub = PubSubFactory.Create(component, new InMemoryBrokerRegistry());

        Assert.IsType<RabbitMqPubSub>(pubsub);
    }

    [Fact]
    public void Redis_reads_a_bare_number_of_processingTimeout_or_redeliverInterval_as_milliseconds_as_daprd_does()
    {
        var component = BrokerUnderTest.Definition("pubsub.redis", new Dictionary<string, string>
        {
            ["redisHost"] = "127.0.0.1:6379",
            ["processingTimeout"] = "1500",
            ["redeliverInterval"] = "2s",
        });

        var options = RedisStreamsOptions.Parse(component);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.ProcessingTimeout);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RedeliverInterval);
    }

    [Fact]
    public void Defaults_are_the_ones_daprd_applies()
    {
        var redis = RedisStreamsOptions.Parse(BrokerUnderTest.Definition("pubsub.redis", new Dictionary<string, string> { ["redisHost"] = "localhost:6379" }));
        var rabbit = RabbitMqOptions.Parse(BrokerUnderTest.Definition("pubsub.rabbitmq", new Dictionary<string, string> { ["connectionString"] = "amqp://localhost" }));

        Assert.Equal((TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(15), 10, 100), (redis.ProcessingTimeout, redis.RedeliverInterval, redis.Concurrency, redis.QueueDepth));
        Assert.True(redis.RedeliveryEnabled);
        Assert.Equal((true, true, false, false, false), (rabbit.Durable, rabbit.DeletedWhenUnused, rabbit.AutoAck, rabbit.RequeueInFailure, rabbit.EnableDeadLetter));
        Assert.Equal(("fanout", TimeSpan.FromSeconds(3), true), (rabbit.ExchangeKind, rabbit.ReconnectWait, rabbit.Parallel));
    }

    [Fact]
    public void In_memory_redelivery_waits_longer_after_each_retry_up_to_ten_seconds()
    {
        var delays = Enumerable.Range(1, 7).Select(InMemoryGroupQueue.RedeliveryDelay).Select(delay => delay.TotalSeconds);

        Assert.Equal([1, 2, 4, 8, 10, 10, 10], delays);
    }
}
