using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.ServiceDefaults.Health;

public static class HealthExtensions
{
    private const string LiveTag = "live";
    private const string ReadyTag = "ready";

    /// <summary>
    /// Liveness says the process answers; readiness adds the checks that must pass before the
    /// service can do useful work: its Dapr sidecar. A service adds its own readiness checks
    /// with <c>builder.Services.AddHealthChecks().AddCheck(..., tags: ["ready"])</c>.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag])
            .AddCheck<DaprSidecarHealthCheck>("dapr-sidecar", HealthStatus.Unhealthy, [ReadyTag], TimeSpan.FromSeconds(3));
        return builder;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c> in every environment, anonymous, JSON bodies.</summary>
    public static WebApplication MapDefaultHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(InfrastructureEndpoints.Liveness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LiveTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();

        app.MapHealthChecks(InfrastructureEndpoints.Readiness, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();

        return app;
    }
}
