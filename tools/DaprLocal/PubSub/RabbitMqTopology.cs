using RabbitMQ.Client;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The exchanges and queues daprd's pubsub.rabbitmq declares, with its names and arguments, so
/// that daprd and DaprLocal can share a RabbitMQ: one exchange per topic (named as the topic), one
/// classic queue <c>&lt;consumerGroup&gt;-&lt;topic&gt;</c> bound to it with an empty routing key and,
/// with <c>enableDeadLetter</c>, a fanout exchange <c>dlx-&lt;queue&gt;</c> and a lazy durable queue
/// <c>dlq-&lt;queue&gt;</c> that receive what the queue rejects.
/// </summary>
internal static class RabbitMqTopology
{
    public static string QueueName(string consumerGroup, string topic) => $"{consumerGroup}-{topic}";

    public static string DeadLetterExchangeName(string queue) => $"dlx-{queue}";

    public static string DeadLetterQueueName(string queue) => $"dlq-{queue}";

    public static Task DeclareExchangeAsync(IChannel channel, RabbitMqOptions options, string topic, CancellationToken cancellationToken) =>
        channel.ExchangeDeclareAsync(
            exchange: topic,
            type: options.ExchangeKind,
            durable: options.Durable,
            autoDelete: options.DeletedWhenUnused,
            arguments: null,
            passive: false,
            noWait: false,
            cancellationToken: cancellationToken);

    public static async Task DeclareSubscriptionQueueAsync(
        IChannel channel, RabbitMqOptions options, string topic, string queue, CancellationToken cancellationToken)
    {
        await DeclareExchangeAsync(channel, options, topic, cancellationToken);

        var arguments = LengthLimits(options);
        if (options.EnableDeadLetter)
        {
            var deadLetterExchange = DeadLetterExchangeName(queue);
            var deadLetterQueue = DeadLetterQueueName(queue);
            // Always durable, whatever 'durable' says: dead letters are what must not be lost.
            await channel.ExchangeDeclareAsync(
                deadLetterExchange, ExchangeType.Fanout, durable: true, autoDelete: options.DeletedWhenUnused,
                arguments: null, passive: false, noWait: false, cancellationToken: cancellationToken);
            var deadLetterArguments = LengthLimits(options);
            deadLetterArguments["x-queue-mode"] = "lazy";
            await channel.QueueDeclareAsync(
                deadLetterQueue, durable: true, exclusive: false, autoDelete: options.DeletedWhenUnused,
                arguments: deadLetterArguments, passive: false, noWait: false, cancellationToken: cancellationToken);
            await channel.QueueBindAsync(deadLetterQueue, deadLetterExchange, routingKey: "", arguments: null, noWait: false, cancellationToken);
            arguments["x-dead-letter-exchange"] = deadLetterExchange;
        }
        arguments["x-queue-type"] = "classic";

        await channel.QueueDeclareAsync(
            queue, durable: options.Durable, exclusive: false, autoDelete: options.DeletedWhenUnused,
            arguments: arguments, passive: false, noWait: false, cancellationToken: cancellationToken);
        await channel.QueueBindAsync(queue, topic, routingKey: "", arguments: null, noWait: false, cancellationToken);
    }

    private static Dictionary<string, object?> LengthLimits(RabbitMqOptions options)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (options.MaxLen is { } maxLen)
        {
            arguments["x-max-length"] = maxLen;
        }
        if (options.MaxLenBytes is { } maxLenBytes)
        {
            arguments["x-max-length-bytes"] = maxLenBytes;
        }
        return arguments;
    }
}
