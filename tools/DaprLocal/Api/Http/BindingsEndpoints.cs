using System.Text;
using System.Text.Json;

namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>Output bindings on the HTTP port: <c>POST /v1.0/bindings/{name}</c> with <c>{data, metadata, operation}</c>.</summary>
public static class BindingsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapMethods("/v1.0/bindings/{name}", ["POST", "PUT"], InvokeAsync);
    }

    private static Task<IResult> InvokeAsync(string name, HttpContext http, BindingsApi bindings) => DaprHttpResults.Handle(async () =>
    {
        using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var root = document.RootElement;
        var operation = root.TryGetProperty("operation", out var op) ? op.GetString() ?? "" : "";
        // daprd hands a JSON string's text to the binding, any other JSON value as its JSON text.
        var data = root.TryGetProperty("data", out var value)
            ? value.ValueKind == JsonValueKind.String ? Encoding.UTF8.GetBytes(value.GetString()!) : Encoding.UTF8.GetBytes(value.GetRawText())
            : [];
        var metadata = root.TryGetProperty("metadata", out var meta) && meta.ValueKind == JsonValueKind.Object
            ? meta.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.Ordinal)
            : new Dictionary<string, string>();

        var response = await bindings.InvokeAsync(name, operation, data, metadata, http.RequestAborted);
        foreach (var (key, headerValue) in response.Metadata)
        {
            http.Response.Headers[$"Metadata.{key}"] = headerValue;
        }
        return response.Data.Length == 0 ? Results.NoContent() : Results.Bytes(response.Data, "application/json");
    });
}
