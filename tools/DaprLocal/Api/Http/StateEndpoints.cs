using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>The state API on the HTTP port: <c>/v1.0/state/...</c> and <c>/v1.0-alpha1/state/{store}/query</c>.</summary>
public static class StateEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/v1.0/state/{store}/{key}", GetAsync);
        api.MapMethods("/v1.0/state/{store}", ["POST", "PUT"], SaveAsync);
        api.MapMethods("/v1.0/state/{store}/bulk", ["POST", "PUT"], BulkGetAsync);
        api.MapDelete("/v1.0/state/{store}/{key}", DeleteAsync);
        api.MapMethods("/v1.0/state/{store}/transaction", ["POST", "PUT"], TransactionAsync);
        api.MapMethods("/v1.0-alpha1/state/{store}/query", ["POST", "PUT"], QueryAsync);
    }

    private static Task<IResult> GetAsync(string store, string key, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        var item = await state.GetAsync(store, key, HttpRequestMetadata.From(http.Request), http.RequestAborted);
        if (item is null)
        {
            return Results.NoContent();
        }
        http.Response.Headers.ETag = item.ETag;
        foreach (var (name, value) in item.Metadata)
        {
            http.Response.Headers[$"metadata.{name}"] = value;
        }
        return Results.Bytes(item.Value, "application/json");
    });

    private static Task<IResult> SaveAsync(string store, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        var requestMetadata = HttpRequestMetadata.From(http.Request);
        var body = await JsonSerializer.DeserializeAsync<List<HttpStateItem>>(http.Request.Body, Json, http.RequestAborted) ?? [];
        var items = body.Select(item => ToSaveRequest(item, requestMetadata)).ToArray();
        await state.SaveAsync(store, items, http.RequestAborted);
        return Results.NoContent();
    });

    private static Task<IResult> BulkGetAsync(string store, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        var request = await JsonSerializer.DeserializeAsync<HttpBulkGetRequest>(http.Request.Body, Json, http.RequestAborted)
            ?? throw DaprErrors.Malformed("the bulk get body is empty");
        var results = await state.GetBulkAsync(store, request.Keys ?? [], request.Parallelism ?? 0, request.Metadata ?? [], http.RequestAborted);
        return Results.Json(results.Select(result => new HttpBulkItem(
            result.Key,
            result.Value is null ? null : JsonValue(result.Value),
            result.ETag,
            result.Error,
            result.Metadata.Count == 0 ? null : result.Metadata)).ToArray(), Json);
    });

    private static Task<IResult> DeleteAsync(string store, string key, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        var etag = http.Request.Headers.IfMatch.ToString();
        var request = new StateDeleteRequest(key, etag.Length == 0 ? null : etag, Concurrency(http.Request.Query["concurrency"]), HttpRequestMetadata.From(http.Request));
        await state.DeleteAsync(store, request, http.RequestAborted);
        return Results.NoContent();
    });

    private static Task<IResult> TransactionAsync(string store, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        var request = await JsonSerializer.DeserializeAsync<HttpTransactionRequest>(http.Request.Body, Json, http.RequestAborted)
            ?? throw DaprErrors.Malformed("the transaction body is empty");
        var requestMetadata = request.Metadata ?? [];
        var operations = (request.Operations ?? []).Select(operation =>
            new StateTransactionRequest(
                operation.Operation ?? "",
                ToSaveRequest(operation.Request ?? throw DaprErrors.Malformed("a transaction operation has no request"), requestMetadata))).ToArray();
        await state.ExecuteTransactionAsync(store, operations, requestMetadata, http.RequestAborted);
        return Results.NoContent();
    });

    private static Task<IResult> QueryAsync(string store, HttpContext http, StateApi state) => DaprHttpResults.Handle(async () =>
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var query = await reader.ReadToEndAsync(http.RequestAborted);
        var result = await state.QueryAsync(store, query, http.RequestAborted);
        return Results.Json(new HttpQueryResponse(
            result.Results.Select(item => new HttpBulkItem(item.Key, JsonValue(item.Value), item.ETag, null, null)).ToArray(),
            result.Token), Json);
    });

    private static StateSaveRequest ToSaveRequest(HttpStateItem item, IReadOnlyDictionary<string, string> requestMetadata)
    {
        if (string.IsNullOrEmpty(item.Key))
        {
            throw DaprErrors.Malformed("a state item has no key");
        }
        var metadata = new Dictionary<string, string>(requestMetadata, StringComparer.Ordinal);
        foreach (var (key, entry) in item.Metadata ?? [])
        {
            metadata[key] = entry;
        }
        // The value is stored as its JSON text, so that HTTP and gRPC readers get the same bytes.
        var value = item.Value is { ValueKind: not JsonValueKind.Undefined } element ? Encoding.UTF8.GetBytes(element.GetRawText()) : [];
        return new StateSaveRequest(item.Key, value, item.ETag, Concurrency(item.Options?.Concurrency), metadata);
    }

    private static StateConcurrency Concurrency(string? text) =>
        text switch
        {
            null or "" or "last-write" => StateConcurrency.LastWrite,
            "first-write" => StateConcurrency.FirstWrite,
            _ => throw DaprErrors.Malformed($"concurrency must be first-write or last-write, not '{text}'"),
        };

    /// <summary>Stored bytes go back as JSON when they are JSON, else as a string (how daprd's bulk and query answers read).</summary>
    private static JsonElement JsonValue(byte[] value)
    {
        try
        {
            return JsonDocument.Parse(value).RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(Encoding.UTF8.GetString(value));
        }
    }

    private sealed record HttpStateItem(string? Key, JsonElement? Value, string? ETag, Dictionary<string, string>? Metadata, HttpStateOptions? Options);

    private sealed record HttpStateOptions(string? Concurrency, string? Consistency);

    private sealed record HttpBulkGetRequest(List<string>? Keys, int? Parallelism, Dictionary<string, string>? Metadata);

    private sealed record HttpBulkItem(
        string Key,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? Data,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ETag,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Metadata);

    private sealed record HttpTransactionRequest(List<HttpTransactionOperation>? Operations, Dictionary<string, string>? Metadata);

    private sealed record HttpTransactionOperation(string? Operation, HttpStateItem? Request);

    private sealed record HttpQueryResponse(
        IReadOnlyList<HttpBulkItem> Results,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Token);

}
