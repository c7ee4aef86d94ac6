using System.Text.Json;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// A <see cref="PubSubMessage"/> as the fields of a stream entry. <c>data</c> (the bytes) and
/// <c>metadata</c> (a JSON object of strings) are what daprd's pubsub.redis writes and reads, so
/// entries pass both ways between daprd and DaprLocal on one Redis; <c>contentType</c> is ours and
/// daprd ignores it.
/// </summary>
internal static partial class RedisStreamMessageCodec
{
    public const string DataField = "data";
    public const string MetadataField = "metadata";
    public const string ContentTypeField = "contentType";

    public static NameValueEntry[] Encode(PubSubMessage message) =>
    [
        new(DataField, message.Data),
        new(ContentTypeField, message.ContentType),
        new(MetadataField, JsonSerializer.Serialize(message.Metadata)),
    ];

    public static PubSubMessage Decode(string topic, StreamEntry entry, ILogger logger)
    {
        var data = (byte[]?)entry[DataField] ?? [];
        var contentType = entry[ContentTypeField] is { IsNullOrEmpty: false } type ? type.ToString() : PubSubContentTypes.Unknown;
        return new PubSubMessage(topic, data, contentType, DecodeMetadata(topic, entry, logger));
    }

    private static Dictionary<string, string> DecodeMetadata(string topic, StreamEntry entry, ILogger logger)
    {
        var json = entry[MetadataField];
        if (json.IsNullOrEmpty)
        {
            return [];
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json.ToString()) ?? [];
        }
        catch (JsonException error)
        {
            // daprd does the same: the message still goes out, without its metadata.
            LogBadMetadata(logger, error, entry.Id.ToString(), topic);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream entry {EntryId} on '{Topic}' has metadata that is not a JSON object of strings; delivered without it.")]
    private static partial void LogBadMetadata(ILogger logger, Exception exception, string entryId, string topic);
}
