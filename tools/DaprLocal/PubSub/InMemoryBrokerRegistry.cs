using System.Collections.Concurrent;

namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The in-process brokers of one DaprLocal runner: one per <c>pubsub.in-memory</c> component name,
/// shared by every sidecar the runner hosts. daprd's in-memory broker only reaches the publishing
/// sidecar's own subscribers; sharing it lets the apps of one run talk through it, which is what a
/// multi-app run with an in-memory pub/sub is written for.
/// </summary>
public sealed class InMemoryBrokerRegistry
{
    private readonly ConcurrentDictionary<string, InMemoryBroker> _brokers = new(StringComparer.Ordinal);

    internal InMemoryBroker GetOrCreate(string componentName) =>
        _brokers.GetOrAdd(componentName, static _ => new InMemoryBroker());
}
