using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// A <see cref="PubSubMessage"/> as an AMQP message: the bytes as body, the content type as the
/// content-type property, every metadata entry as a string header so the subscriber gets the same
/// metadata back (daprd drops them). Like daprd, the metadata keys <c>ttlInSeconds</c>,
/// <c>priority</c>, <c>messageID</c>, <c>correlationID</c> and <c>type</c> also set the matching
/// message properties.
/// </summary>
internal static partial class RabbitMqMessageCodec
{
    public static BasicProperties ToProperties(PubSubMessage message, RabbitMqOptions options, ILogger logger)
    {
        var properties = new BasicProperties
        {
            ContentType = message.ContentType,
            Headers = message.Metadata.ToDictionary(entry => entry.Key, entry => (object?)entry.Value, StringComparer.Ordinal),
        };
        if (options.DeliveryMode is 1 or 2)
        {
            properties.DeliveryMode = (DeliveryModes)options.DeliveryMode;
        }
        if ((MessageTtl(message, logger) ?? options.MessageTtl) is { } ttl)
        {
            properties.Expiration = ((long)ttl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
        }
        if (Find(message.Metadata, "priority") is { } priorityText)
        {
            if (int.TryParse(priorityText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var priority))
            {
                properties.Priority = (byte)Math.Clamp(priority, 0, byte.MaxValue);
            }
            else
            {
                LogIgnoredMetadata(logger, "priority", priorityText, message.Topic);
            }
        }
        if (Find(message.Metadata, "messageID") is { } messageId)
        {
            properties.MessageId = messageId;
        }
        if (Find(message.Metadata, "correlationID") is { } correlationId)
        {
            properties.CorrelationId = correlationId;
        }
        if (Find(message.Metadata, "type") is { } type)
        {
            properties.Type = type;
        }
        return properties;
    }

    public static PubSubMessage ToMessage(string topic, BasicDeliverEventArgs delivery)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (delivery.BasicProperties.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                // Lists and tables (RabbitMQ's own x-death, for one) are not metadata anyone published.
                if (HeaderText(value) is { } text)
                {
                    metadata[name] = text;
                }
            }
        }
        var contentType = delivery.BasicProperties.ContentType is { Length: > 0 } type ? type : PubSubContentTypes.Unknown;
        // The body's memory belongs to the client and is reused once the delivery callback returns.
        return new PubSubMessage(topic, delivery.Body.ToArray(), contentType, metadata);
    }

    private static string? HeaderText(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        string text => text,
        bool flag => flag ? "true" : "false",
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>A per-message TTL as daprd reads it: <c>ttlInSeconds</c> (or <c>ttl</c>), seconds or a duration.</summary>
    private static TimeSpan? MessageTtl(PubSubMessage message, ILogger logger)
    {
        foreach (var key in (string[])["ttlInSeconds", "ttl"])
        {
            if (Find(message.Metadata, key) is not { } text)
            {
                continue;
            }
            if (Resources.GoDuration.TryParse(text, out var ttl) && ttl > TimeSpan.Zero)
            {
                return ttl;
            }
            LogIgnoredMetadata(logger, key, text, message.Topic);
        }
        return null;
    }

    /// <summary>daprd's lookup: the exact key first, then any case.</summary>
    private static string? Find(IReadOnlyDictionary<string, string> metadata, string key)
    {
        if (metadata.TryGetValue(key, out var exact) && exact.Length > 0)
        {
            return exact;
        }
        return metadata.FirstOrDefault(entry => entry.Value.Length > 0 && string.Equals(entry.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publish metadata '{Key}' = '{Value}' on topic '{Topic}' is not valid and was ignored.")]
    private static partial void LogIgnoredMetadata(ILogger logger, string key, string value, string topic);
}
