namespace Ecommerce.DaprLocal.Api.Http;

/// <summary>Secrets on the HTTP port: <c>/v1.0/secrets/{store}/{key}</c> and <c>/v1.0/secrets/{store}/bulk</c>.</summary>
public static class SecretsEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/v1.0/secrets/{store}/bulk", (string store, HttpContext http, SecretsApi secrets) => DaprHttpResults.Handle(async () =>
            Results.Json(await secrets.GetBulkAsync(store, HttpRequestMetadata.From(http.Request), http.RequestAborted))));
        api.MapGet("/v1.0/secrets/{store}/{key}", (string store, string key, HttpContext http, SecretsApi secrets) => DaprHttpResults.Handle(async () =>
            await secrets.GetAsync(store, key, HttpRequestMetadata.From(http.Request), http.RequestAborted) is { } secret
                ? Results.Json(secret)
                : Results.NoContent()));
    }
}
