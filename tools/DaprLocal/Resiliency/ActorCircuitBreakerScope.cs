namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>What one actor circuit breaker covers.</summary>
public enum ActorCircuitBreakerScope
{
    /// <summary>One breaker for every actor of the type.</summary>
    Type,

    /// <summary>One breaker per actor id.</summary>
    Id,

    /// <summary>Declared by daprd but not implemented there: it behaves like <see cref="Id"/>, and does here too.</summary>
    Both,
}
