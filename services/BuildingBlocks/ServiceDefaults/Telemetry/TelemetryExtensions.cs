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
    /// OpenTelemetry traces and metrics. Context propagation is W3C <c>traceparent</c>, the
    /// format daprd propagates, so one trace follows a request through every sidecar hop.
    /// OTLP export switches on when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; metrics are
    /// always scrapeable at <c>/metrics</c> (Prometheus text format).
    /// </summary>
    public static IHostApplicationBuilder AddDefaultTelemetry(this IHostApplicationBuilder builder)
    {
        var appId = ServiceIdentity.AppId(builder);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(appId))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !InfrastructureEndpoints.Contains(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation())
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
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
