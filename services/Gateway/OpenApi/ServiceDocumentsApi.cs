using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Routing;
using Ecommerce.ServiceDefaults.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Ecommerce.Gateway.OpenApi;

/// <summary>
/// Swagger UI at <c>/swagger</c> lists the gateway's own document (the storefront, at
/// <c>/swagger/v1/swagger.json</c> like every service's) and then every service behind the gateway,
/// each served by the gateway at <c>/openapi/{appId}.json</c>. That path is outside <c>/swagger</c> on
/// purpose: Swashbuckle's middleware claims every <c>/swagger/{name}/swagger.json</c> and answers 404 for
/// a name it does not generate, so there the documents could only be served ahead of the defaults,
/// without request logging, authentication or rate limiting. Here they are an ordinary endpoint.
/// </summary>
public static class ServiceDocumentsApi
{
    public const string GatewayDocumentName = "gateway (storefront)";

    public static string DocumentPath(string appId) => $"/openapi/{appId}.json";

    public static IHostApplicationBuilder AddServiceOpenApiDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceDocumentOptions>().BindConfiguration(ServiceDocumentOptions.SectionName);
        builder.Services.AddSingleton<ServiceDocuments>();
        builder.Services.Configure<SwaggerUIOptions>(options =>
        {
            // First, so that it is the one Swagger UI opens on.
            options.SwaggerEndpoint(OpenApiExtensions.DocumentPath, GatewayDocumentName);
            foreach (var appId in ServiceRoutes.Services)
            {
                options.SwaggerEndpoint(DocumentPath(appId), appId);
            }
        });
        return builder;
    }

    /// <summary>Maps <c>GET /openapi/{appId}.json</c>; after the defaults and the rate limiter, like any other endpoint.</summary>
    public static IEndpointRouteBuilder MapServiceOpenApiDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet(DocumentPath("{appId}"), GetDocument)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    public static async Task<Results<ContentHttpResult, NotFound, ProblemHttpResult>> GetDocument(
        string appId, ServiceDocuments documents, IOptions<ResilienceOptions> resilience, HttpContext http, CancellationToken cancellationToken)
    {
        // Only services the gateway routes to: anything else would let a caller invoke any app id's document.
        if (!ServiceRoutes.Services.Contains(appId, StringComparer.Ordinal))
        {
            return TypedResults.NotFound();
        }
        try
        {
            return TypedResults.Text(await documents.GetAsync(appId, cancellationToken), "application/json");
        }
        catch (DownstreamUnavailableException error)
        {
            return UnavailableProblem.Result(http.Response, error.AppId, resilience.Value.RetryAfter);
        }
    }
}
