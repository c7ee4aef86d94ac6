namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// <c>spec.targets.actors.&lt;actorType&gt;</c>. A circuit breaker requires <see cref="CircuitBreakerScope"/>
/// (daprd refuses the resource otherwise); <see cref="CircuitBreakerCacheSize"/> bounds the per-id breakers kept (default 5000).
/// </summary>
public sealed record ActorTarget(
    string ActorType,
    TargetPolicyNames Policies,
    ActorCircuitBreakerScope CircuitBreakerScope,
    int CircuitBreakerCacheSize,
    string Location)
{
    public const int DefaultCircuitBreakerCacheSize = 5000;
}
