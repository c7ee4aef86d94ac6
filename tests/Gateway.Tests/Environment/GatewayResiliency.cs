namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// The gateway's Resiliency resource as in <c>components/*/resiliency.yaml</c> (per-app timeout and
/// circuit breaker, no retries), with short timings so that a test sees the breaker open and close.
/// </summary>
internal static class GatewayResiliency
{
    public const int TripAfterFailures = 3;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan OpenFor = TimeSpan.FromSeconds(1);

    public static string Yaml(params string[] appIds) => $"""
        apiVersion: dapr.io/v1alpha1
        kind: Resiliency
        metadata:
          name: gateway
        scopes:
          - gateway
        spec:
          policies:
            timeouts:
              downstream: {Timeout.TotalSeconds}s
            circuitBreakers:
              downstream:
                maxRequests: 1
                interval: 30s
                timeout: {OpenFor.TotalSeconds}s
                trip: consecutiveFailures >= {TripAfterFailures}
          targets:
            apps:
        {string.Concat(appIds.Select(appId => $"      {appId}:\n        timeout: downstream\n        circuitBreaker: downstream\n"))}
        """;
}
