using System.Collections.Concurrent;
using System.Text;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.TestSupport;
using RabbitMQ.Client;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.Tests.PubSub;

/// <summary>
/// One pub/sub component of a given kind against the real servers, with unique topic and group
/// names per test, and everything it created on the servers removed when disposed.
/// </summary>
internal sealed class BrokerUnderTest : IAsyncDisposable
{
    public const string InMemory = "in-memory";
    public const string Redis = "redis";
    public const string RabbitMq = "rabbitmq";

    private readonly List<IPubSub> _sidecars = [];
    private readonly ConcurrentDictionary<string, byte> _topics = new();
    private readonly ConcurrentDictionary<(string Topic, string Group), byte> _groups = new();

    private BrokerUnderTest(string kind, ComponentDefinition component, InMemoryBrokerRegistry inMemoryBrokers)
    {
        Kind = kind;
        Component = component;
        InMemoryBrokers = inMemoryBrokers;
    }

    public string Kind { get; }

    public ComponentDefinition Component { get; }

    public InMemoryBrokerRegistry InMemoryBrokers { get; }

    /// <summary>The component as the first sidecar runs it.</summary>
    public IPubSub PubSub => _sidecars[0];

    /// <summary>
    /// Redis: redelivery within a second (processingTimeout 500 ms, scanned every 200 ms).
    /// RabbitMQ: a Retry requeues, and queues outlive their subscribers so tests can resubscribe.
    /// </summary>
    public static async Task<BrokerUnderTest> StartAsync(string kind, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var broker = new BrokerUnderTest(kind, ComponentOf(kind, metadata), new InMemoryBrokerRegistry());
        await broker.StartSidecarAsync();
        return broker;
    }

    public static ComponentDefinition ComponentOf(string kind, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        switch (kind)
        {
            case Redis:
                values["redisHost"] = TestInfrastructure.RedisHost;
                values["processingTimeout"] = "500ms";
                values["redeliverInterval"] = "200ms";
                break;
            case RabbitMq:
                values["connectionString"] = TestInfrastructure.RabbitMqUrl;
                values["requeueInFailure"] = "true";
                values["deletedWhenUnused"] = "false";
                break;
        }
        foreach (var (key, value) in metadata ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }
        return Definition($"pubsub.{kind}", values);
    }

    public static ComponentDefinition Definition(string type, IReadOnlyDictionary<string, string> metadata, string version = "v1") =>
        new($"pubsub-{Guid.NewGuid():N}", type, version, new Dictionary<string, string>(metadata, StringComparer.OrdinalIgnoreCase), [], "components/pubsub.yaml", 7);

    /// <summary>Another sidecar loading the same component (another app of the run).</summary>
    public async Task<IPubSub> StartSidecarAsync()
    {
        var pubsub = PubSubFactory.Create(Component, InMemoryBrokers);
        _sidecars.Add(pubsub);
        await pubsub.InitializeAsync(CancellationToken.None);
        return pubsub;
    }

    public string NewTopic()
    {
        var topic = $"topic-{Guid.NewGuid():N}";
        _topics.TryAdd(topic, 0);
        return topic;
    }

    public static string NewGroup() => $"group-{Guid.NewGuid():N}";

    public Task<IAsyncDisposable> SubscribeAsync(
        string topic, string group, Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler, IPubSub? sidecar = null)
    {
        _groups.TryAdd((topic, group), 0);
        return (sidecar ?? PubSub).SubscribeAsync(topic, group, handler, CancellationToken.None);
    }

    public Task PublishAsync(string topic, string text, IReadOnlyDictionary<string, string>? metadata = null) =>
        PubSub.PublishAsync(
            new PubSubMessage(topic, Encoding.UTF8.GetBytes(text), "text/plain", metadata ?? new Dictionary<string, string>()),
            CancellationToken.None);

    public static string TextOf(PubSubMessage message) => Encoding.UTF8.GetString(message.Data);

    /// <summary>A handler that records every delivery and answers Success.</summary>
    public static Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> Recording(ConcurrentQueue<PubSubMessage> into) =>
        (message, _) =>
        {
            into.Enqueue(message);
            return Task.FromResult(DeliveryResult.Success);
        };

    public async ValueTask DisposeAsync()
    {
        foreach (var sidecar in _sidecars)
        {
            await sidecar.DisposeAsync();
        }
        switch (Kind)
        {
            case Redis:
                await using (var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.RedisHost))
                {
                    await redis.GetDatabase().KeyDeleteAsync([.. _topics.Keys.Select(topic => (RedisKey)topic)]);
                }
                break;
            case RabbitMq:
                await DeleteRabbitMqTopologyAsync();
                break;
        }
    }

    private async Task DeleteRabbitMqTopologyAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.RabbitMqUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var (topic, group) in _groups.Keys)
        {
            var queue = $"{group}-{topic}";
            await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
            await channel.QueueDeleteAsync($"dlq-{queue}", ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync($"dlx-{queue}", ifUnused: false);
        }
        foreach (var topic in _topics.Keys)
        {
            await channel.ExchangeDeleteAsync(topic, ifUnused: false);
        }
    }
}
