using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Ecommerce.ServiceDefaults.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog, structured JSON on the console (one event per line: <c>@t</c>, <c>@mt</c>, <c>@l</c>,
    /// <c>@tr</c> trace id and <c>@sp</c> span id of the current activity, and <c>AppId</c>).
    /// Levels come from the <c>Serilog</c> configuration section; without one, Information
    /// overall and Warning for the framework's chatty namespaces.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultLogging(this IHostApplicationBuilder builder)
    {
        var appId = ServiceIdentity.AppId(builder);
        var configuration = builder.Configuration;

        builder.Services.AddSerilog((services, logger) => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Extensions.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
            .MinimumLevel.Override("Grpc", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("AppId", appId)
            .WriteTo.Console(new RenderedCompactJsonFormatter()));

        return builder;
    }

    /// <summary>
    /// One log event per request (method, path, status, elapsed). Probes and scrapes are
    /// logged at Verbose so they do not drown the log. Headers and bodies are never logged:
    /// they carry tokens and personal data.
    /// </summary>
    public static WebApplication UseDefaultRequestLogging(this WebApplication app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            options.GetLevel = (context, _, exception) =>
                InfrastructureEndpoints.Contains(context.Request.Path) ? LogEventLevel.Verbose
                : exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError ? LogEventLevel.Error
                : LogEventLevel.Information;
        });
        return app;
    }
}
