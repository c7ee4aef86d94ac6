using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ecommerce.Shipping.Security;

/// <summary>Readiness: not ready while the tracking key is not loaded.</summary>
internal sealed class TrackingKeyHealthCheck(TrackingKeyLoader loader, TrackingKey key) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(key.IsLoaded
            ? HealthCheckResult.Healthy("The tracking key is loaded.")
            : HealthCheckResult.Unhealthy(loader.Problem ?? "The tracking key is not loaded."));
}
