namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// <c>spec.targets.apps.&lt;appId&gt;</c>: policies for service invocation of that app.
/// <see cref="CircuitBreakerCacheSize"/> bounds how many per-method breakers are kept (daprd default 100).
/// </summary>
public sealed record AppTarget(string AppId, TargetPolicyNames Policies, int CircuitBreakerCacheSize, string Location)
{
    public const int DefaultCircuitBreakerCacheSize = 100;
}
