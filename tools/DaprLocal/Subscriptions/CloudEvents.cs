using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Api;

namespace Ecommerce.DaprLocal.Subscriptions;

/// <summary>
/// The CloudEvent envelope exactly as daprd's publishing sidecar builds it: <c>id</c>, <c>source</c>
/// = publisher app id, <c>type</c> <c>com.dapr.event.sent</c>, <c>specversion</c> 1.0,
/// <c>datacontenttype</c> from the request (default <c>text/plain</c>), <c>data</c> inline for JSON
/// and text or <c>data_base64</c> for binary, plus <c>topic</c>, <c>pubsubname</c>, trace fields and
/// <c>time</c>. A payload already sent as <c>application/cloudevents+json</c> keeps its fields.
/// </summary>
public static class CloudEvents
{
    public const string ContentType = "application/cloudevents+json";
    public const string DefaultType = "com.dapr.event.sent";

    private static readonly string[] OverridableAttributes = ["id", "source", "type", "traceid", "traceparent", "tracestate"];

    public static JsonObject Create(
        string sourceAppId,
        string pubsubName,
        string topic,
        ReadOnlySpan<byte> data,
        string? contentType,
        IReadOnlyDictionary<string, string> metadata,
        string traceParent,
        string? traceState)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var now = DateTimeOffset.UtcNow;
        JsonObject envelope;
        if (IsMediaType(contentType, ContentType))
        {
            envelope = ParseObject(data) ?? throw DaprErrors.Malformed("the payload is declared application/cloudevents+json but is not a JSON object");
            envelope.TryAdd("id", Guid.NewGuid().ToString());
            envelope.TryAdd("source", string.IsNullOrEmpty(sourceAppId) ? "Dapr" : sourceAppId);
            envelope.TryAdd("type", DefaultType);
            envelope.TryAdd("specversion", "1.0");
            envelope.TryAdd("time", FormatTime(now));
            envelope.TryAdd("traceid", traceParent);
            envelope.TryAdd("traceparent", traceParent);
            envelope.TryAdd("tracestate", traceState ?? "");
        }
        else
        {
            var type = string.IsNullOrEmpty(contentType) ? "text/plain" : contentType;
            envelope = new JsonObject
            {
                ["id"] = Guid.NewGuid().ToString(),
                ["source"] = string.IsNullOrEmpty(sourceAppId) ? "Dapr" : sourceAppId,
                ["type"] = DefaultType,
                ["specversion"] = "1.0",
                ["datacontenttype"] = type,
            };
            SetData(envelope, data, type);
            envelope["traceid"] = traceParent;
            envelope["traceparent"] = traceParent;
            envelope["tracestate"] = traceState ?? "";
            envelope["time"] = FormatTime(now);
        }

        foreach (var (key, value) in metadata)
        {
            if (key.StartsWith("cloudevent.", StringComparison.OrdinalIgnoreCase)
                && OverridableAttributes.FirstOrDefault(a => a.Equals(key["cloudevent.".Length..], StringComparison.OrdinalIgnoreCase)) is { } attribute)
            {
                envelope[attribute] = value;
            }
        }
        if (metadata.TryGetValue("ttlInSeconds", out var ttl))
        {
            if (!int.TryParse(ttl, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
            {
                throw DaprErrors.PubSubMetadata($"ttlInSeconds must be a positive integer, not '{ttl}'");
            }
            envelope["expiration"] = FormatTime(now.AddSeconds(seconds));
        }

        envelope["topic"] = topic;
        envelope["pubsubname"] = pubsubName;
        return envelope;
    }

    /// <summary>
    /// The envelope daprd gives a raw (non-CloudEvent) message on a <c>rawPayload</c> subscription:
    /// a new id, <c>application/octet-stream</c> and the bytes in <c>data_base64</c>.
    /// </summary>
    public static JsonObject WrapRaw(ReadOnlySpan<byte> data, string pubsubName, string topic, string? traceParent) =>
        new()
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["specversion"] = "1.0",
            ["datacontenttype"] = "application/octet-stream",
            ["source"] = "Dapr",
            ["type"] = DefaultType,
            ["topic"] = topic,
            ["pubsubname"] = pubsubName,
            ["data_base64"] = Convert.ToBase64String(data),
            ["traceid"] = traceParent ?? "",
            ["traceparent"] = traceParent ?? "",
            ["tracestate"] = "",
        };

    public static JsonObject? ParseObject(ReadOnlySpan<byte> data)
    {
        try
        {
            return JsonNode.Parse(data) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static bool IsJsonMediaType(string? contentType) =>
        MediaType(contentType) is { } media && (media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal));

    public static bool IsMediaType(string? contentType, string expected) => MediaType(contentType) == expected;

    private static void SetData(JsonObject envelope, ReadOnlySpan<byte> data, string contentType)
    {
        if (data.IsEmpty)
        {
            return;
        }
        if (IsJsonMediaType(contentType))
        {
            try
            {
                envelope["data"] = JsonNode.Parse(data);
                return;
            }
            catch (JsonException)
            {
                // daprd falls back to the text when a "JSON" payload does not parse.
            }
            envelope["data"] = Encoding.UTF8.GetString(data);
        }
        else if (MediaType(contentType) is { } media && (media.StartsWith("text/", StringComparison.Ordinal) || media.EndsWith("/xml", StringComparison.Ordinal)))
        {
            envelope["data"] = Encoding.UTF8.GetString(data);
        }
        else
        {
            envelope["data_base64"] = Convert.ToBase64String(data);
        }
    }

    private static string? MediaType(string? contentType) =>
        contentType is not null && MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType?.ToLowerInvariant() : null;

    private static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
