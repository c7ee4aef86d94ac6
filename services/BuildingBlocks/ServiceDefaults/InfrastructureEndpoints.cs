using Microsoft.AspNetCore.Http;

namespace Ecommerce.ServiceDefaults;

/// <summary>
/// The endpoints that orchestrators and scrapers call directly, not through the sidecar:
/// they are anonymous, exempt from the app token and kept out of request logs and traces.
/// </summary>
public static class InfrastructureEndpoints
{
    public const string Liveness = "/healthz";
    public const string Readiness = "/readyz";
    public const string Metrics = "/metrics";

    public static bool Contains(PathString path) =>
        path.StartsWithSegments(Liveness) || path.StartsWithSegments(Readiness) || path.StartsWithSegments(Metrics);
}
