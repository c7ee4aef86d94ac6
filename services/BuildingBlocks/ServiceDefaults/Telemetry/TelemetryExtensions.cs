using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Ecommerce.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry metrics, always scrapeable at <c>/metrics</c> (Prometheus text format), and
    /// traces exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set. Spans are
    /// recorded only then: without an exporter they would cost every request CPU and go nowhere.
    /// The W3C <c>traceparent</c> (the format daprd propagates) flows either way, as ASP.NET Core
    /// and HttpClient carry it on with the caller's sampled flag, so log events keep their trace
    /// id and one trace still follows a request through every sidecar hop.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        var appId = ServiceIdentity.AppId(builder);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(appId))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !InfrastructureEndpoints.Contains(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation());
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    public static WebApplication MapDefaultTelemetryEndpoints(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(InfrastructureEndpoints.Metrics);
        return app;
    }
}
