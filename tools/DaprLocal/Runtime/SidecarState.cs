using System.Collections.Concurrent;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// What a sidecar knows about itself at run time: readiness (daprd's two health endpoints),
/// the active subscriptions, the extended metadata the CLI sets, and a shutdown request.
/// </summary>
public sealed class SidecarState : IDisposable
{
    private readonly CancellationTokenSource _shutdown = new();

    /// <summary>Components loaded and APIs served: <c>/v1.0/healthz/outbound</c> answers 204.</summary>
    public bool OutboundReady { get; set; }

    /// <summary>Also the app port reached and subscriptions started: <c>/v1.0/healthz</c> answers 204.</summary>
    public bool Ready { get; set; }

    public IReadOnlyList<SubscriptionDefinition> Subscriptions { get; set; } = [];

    public ConcurrentDictionary<string, string> Extended { get; } = new(StringComparer.Ordinal);

    /// <summary>Cancelled when the app asks its sidecar to stop (<c>POST /v1.0/shutdown</c>).</summary>
    public CancellationToken ShutdownRequested => _shutdown.Token;

    public void RequestShutdown() => _shutdown.Cancel();

    public void Dispose() => _shutdown.Dispose();
}
