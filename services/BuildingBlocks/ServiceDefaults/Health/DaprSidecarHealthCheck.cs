using Dapr.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Ecommerce.ServiceDefaults.Health;

/// <summary>
/// Ready only when the sidecar's outbound side is up (<c>GET /v1.0/healthz/outbound</c>):
/// components loaded and APIs served. The sidecar's plain <c>/v1.0/healthz</c> is not used
/// because it waits for this app's port, which would make the two wait on each other.
/// </summary>
internal sealed class DaprSidecarHealthCheck(DaprClient dapr) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var healthy = await dapr.CheckOutboundHealthAsync(cancellationToken);
        return healthy
            ? HealthCheckResult.Healthy("The Dapr sidecar answers.")
            : HealthCheckResult.Unhealthy("The Dapr sidecar does not answer on /v1.0/healthz/outbound.");
    }
}
