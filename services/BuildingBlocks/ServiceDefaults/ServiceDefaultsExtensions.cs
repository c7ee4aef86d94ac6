using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Auth;
using Ecommerce.ServiceDefaults.Dapr;
using Ecommerce.ServiceDefaults.Errors;
using Ecommerce.ServiceDefaults.Health;
using Ecommerce.ServiceDefaults.Logging;
using Ecommerce.ServiceDefaults.OpenApi;
using Ecommerce.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.ServiceDefaults;

/// <summary>
/// The two calls every service makes: <c>builder.AddServiceDefaults()</c> in Program.cs before
/// its own registrations, and <c>app.MapDefaultEndpoints()</c> before mapping its own APIs.
/// Behaviour is the same in every environment; only the log level and exception detail differ.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);

        builder.Services.Configure<JsonOptions>(options => JsonConventions.Apply(options.SerializerOptions));

        builder.AddDefaultLogging();
        builder.AddDefaultTelemetry();
        builder.AddDefaultProblemDetails();
        builder.AddDefaultHealthChecks();
        builder.AddDefaultOpenApi();
        builder.AddDefaultAuthentication();
        builder.AddDefaultDapr();

        return builder;
    }

    /// <summary>
    /// Wires the request pipeline in the one order that works for all of the defaults
    /// (request logging outermost so it records the final status, then errors, the sidecar
    /// token check, CloudEvents unwrapping, authentication) and maps the shared endpoints: <c>/healthz</c>, <c>/readyz</c>,
    /// <c>/metrics</c>, <c>/swagger</c> and <c>/dapr/subscribe</c>.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseDefaultRequestLogging();
        app.UseDefaultProblemDetails();
        app.UseAppApiToken();
        app.UseRouting();
        app.UseCloudEvents();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapDefaultHealthChecks();
        app.MapDefaultTelemetryEndpoints();
        app.MapDefaultOpenApi();
        app.MapSubscribeHandler();

        return app;
    }
}
