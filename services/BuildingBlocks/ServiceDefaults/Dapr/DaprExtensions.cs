using Ecommerce.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.ServiceDefaults.Dapr;

public static class DaprExtensions
{
    /// <summary>
    /// The <c>DaprClient</c>, located from the standard variables (<c>DAPR_HTTP_ENDPOINT</c> /
    /// <c>DAPR_GRPC_ENDPOINT</c>, <c>DAPR_HTTP_PORT</c> / <c>DAPR_GRPC_PORT</c>, <c>DAPR_API_TOKEN</c>),
    /// serializing state and events with the platform's JSON convention.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultDapr(this IHostApplicationBuilder builder)
    {
        builder.Services.AddDaprClient(client => client.UseJsonSerializationOptions(JsonConventions.Options));
        builder.Services.AddSingleton<AfterCommitPublisher>();
        return builder;
    }

    /// <summary>
    /// When <c>APP_API_TOKEN</c> is set, only the sidecar may call this app: every request must
    /// carry that token in <c>dapr-api-token</c> (the header daprd sends), probes and scrapes excepted.
    /// </summary>
    public static WebApplication UseAppApiToken(this WebApplication app)
    {
        app.UseMiddleware<AppApiTokenMiddleware>();
        return app;
    }
}
