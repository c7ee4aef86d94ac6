using System.Text;
using System.Text.Json;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>Publishing on the HTTP port: <c>/v1.0/publish/{pubsub}/{topic}</c> and the bulk form.</summary>
public static class PublishEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapMethods("/v1.0/publish/{pubsub}/{**topic}", ["POST", "PUT"], PublishAsync);
        api.MapMethods("/v1.0-alpha1/publish/bulk/{pubsub}/{**topic}", ["POST", "PUT"], BulkPublishAsync);
        api.MapMethods("/v1.0/publish/bulk/{pubsub}/{**topic}", ["POST", "PUT"], BulkPublishAsync);
    }

    private static Task<IResult> PublishAsync(string pubsub, string? topic, HttpContext http, PublishApi publisher) => DaprHttpResults.Handle(async () =>
    {
        var body = await HttpRequestMetadata.ReadBodyAsync(http.Request, http.RequestAborted);
        await publisher.PublishAsync(
            pubsub, topic ?? "", body, http.Request.ContentType, HttpRequestMetadata.From(http.Request),
            http.Request.Headers["traceparent"].FirstOrDefault(), http.Request.Headers["tracestate"].FirstOrDefault(), http.RequestAborted);
        return Results.NoContent();
    });

    private static Task<IResult> BulkPublishAsync(string pubsub, string? topic, HttpContext http, PublishApi publisher) => DaprHttpResults.Handle(async () =>
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw DaprErrors.Malformed("the bulk publish body must be a JSON array of entries");
        }
        var entries = document.RootElement.EnumerateArray().Select(ToEntry).ToArray();
        var failed = await publisher.BulkPublishAsync(
            pubsub, topic ?? "", entries, HttpRequestMetadata.From(http.Request), http.Request.Headers["traceparent"].FirstOrDefault(), http.RequestAborted);
        return failed.Count == 0
            ? Results.NoContent()
            : Results.Json(new
            {
                failedEntries = failed.Select(f => new { entryId = f.EntryId, error = f.Error }),
                errorCode = "ERR_PUBSUB_PUBLISH_MESSAGE",
            }, statusCode: 500);
    });

    private static BulkPublishEntry ToEntry(JsonElement entry)
    {
        var id = entry.TryGetProperty("entryId", out var idElement) ? idElement.GetString() : null;
        if (string.IsNullOrEmpty(id))
        {
            throw DaprErrors.Malformed("every bulk publish entry needs an entryId");
        }
        var contentType = entry.TryGetProperty("contentType", out var type) ? type.GetString() : null;
        var data = entry.TryGetProperty("event", out var evt)
            ? evt.ValueKind == JsonValueKind.String && !Subscriptions.CloudEvents.IsJsonMediaType(contentType) ? Encoding.UTF8.GetBytes(evt.GetString()!) : Encoding.UTF8.GetBytes(evt.GetRawText())
            : [];
        var metadata = entry.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();
        return new BulkPublishEntry(id, data, contentType, metadata);
    }
}
