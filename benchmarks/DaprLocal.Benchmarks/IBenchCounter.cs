using Dapr.Actors;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>The benchmark's actor interface: called over the sidecar's HTTP actor API (non-remoting), by method name.</summary>
public interface IBenchCounter : IActor
{
    /// <summary>Adds <paramref name="amount"/> to the actor's count, saved in the actor state store; returns the new count.</summary>
    Task<int> IncrementAsync(int amount);

    /// <summary>The current count.</summary>
    Task<int> GetAsync();
}
