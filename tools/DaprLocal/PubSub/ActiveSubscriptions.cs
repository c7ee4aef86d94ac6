namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The subscriptions a broker has handed out and not yet seen disposed, so that disposing the
/// broker stops them all. Each handle removes itself when its owner disposes it first.
/// </summary>
internal sealed class ActiveSubscriptions
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Handle, byte> _active = new();

    public IAsyncDisposable Add(IAsyncDisposable subscription)
    {
        var handle = new Handle(this, subscription);
        _active.TryAdd(handle, 0);
        return handle;
    }

    public async Task DisposeAllAsync()
    {
        foreach (var handle in _active.Keys)
        {
            await handle.DisposeAsync();
        }
    }

    private sealed class Handle(ActiveSubscriptions owner, IAsyncDisposable subscription) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            owner._active.TryRemove(this, out _);
            await subscription.DisposeAsync();
        }
    }
}
