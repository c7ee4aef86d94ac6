namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// The lifetime of a sidecar's web host inside a DaprLocal process: it does not listen for
/// Ctrl-C or SIGTERM itself (the default console lifetime would swallow them per host). The
/// command line owns the signals and stops every sidecar in order.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
