using Ecommerce.Gateway.Resilience;
using Ecommerce.Gateway.Routing;
using Microsoft.Extensions.Options;
using Swashbuckle.AspNetCore.SwaggerUI;

namespace Ecommerce.Gateway.OpenApi;

/// <summary>
/// Swagger UI at <c>/swagger</c> lists every service behind the gateway, each document served by the
/// gateway at <c>/swagger/{appId}/swagger.json</c>, next to the gateway's own (<c>v1</c>: the storefront).
/// </summary>
public static class ServiceDocumentsApi
{
    public static string DocumentPath(string appId) => $"/swagger/{appId}/swagger.json";

    public static IHostApplicationBuilder AddServiceOpenApiDocuments(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ServiceDocumentOptions>().BindConfiguration(ServiceDocumentOptions.SectionName);
        builder.Services.AddSingleton<ServiceDocuments>();
        // ServiceDefaults adds the gateway's own document after these.
        builder.Services.Configure<SwaggerUIOptions>(options =>
        {
            foreach (var appId in ServiceRoutes.Services)
            {
                options.SwaggerEndpoint(DocumentPath(appId), appId);
            }
        });
        return builder;
    }

    /// <summary>
    /// Answers <c>GET /swagger/{appId}/swagger.json</c> for the services. It must come before the
    /// defaults: Swashbuckle's middleware there claims every <c>/swagger/{name}/swagger.json</c> and answers
    /// 404 for a name it does not generate itself, before any endpoint could run.
    /// </summary>
    public static WebApplication UseServiceOpenApiDocuments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var paths = ServiceRoutes.Services.ToDictionary(appId => DocumentPath(appId), appId => appId, StringComparer.OrdinalIgnoreCase);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || !paths.TryGetValue(context.Request.Path.Value ?? "", out var appId))
            {
                await next(context);
                return;
            }
            var documents = context.RequestServices.GetRequiredService<ServiceDocuments>();
            try
            {
                var json = await documents.GetAsync(appId, context.RequestAborted);
                await TypedResults.Text(json, "application/json").ExecuteAsync(context);
            }
            catch (DownstreamUnavailableException)
            {
                var resilience = context.RequestServices.GetRequiredService<IOptions<ResilienceOptions>>().Value;
                await UnavailableProblem.WriteAsync(context, appId, resilience.RetryAfter);
            }
        });
        return app;
    }
}
