namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// The bounded number of handlers one subscription may run at once. A consumer loop takes a slot
/// before it fetches a message, so it never pulls more from the broker than it can hand out, and
/// each handler gives its slot back when done. Taking every slot means no handler is running.
/// </summary>
internal sealed class WorkerSlots(int count) : IDisposable
{
    private readonly SemaphoreSlim _free = new(count, count);

    public int Count => count;

    /// <summary>Waits for one free slot; false when <paramref name="cancellationToken"/> stopped the wait.</summary>
    public async Task<bool> TryTakeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _free.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Takes up to <paramref name="maximum"/> more slots without waiting; returns how many it got.</summary>
    public int TakeFree(int maximum)
    {
        var taken = 0;
        while (taken < maximum && _free.Wait(0))
        {
            taken++;
        }
        return taken;
    }

    public void Release(int slots = 1)
    {
        if (slots > 0)
        {
            _free.Release(slots);
        }
    }

    /// <summary>Completes once every running handler has given its slot back; the slots stay taken.</summary>
    public async Task DrainAsync()
    {
        for (var i = 0; i < count; i++)
        {
            await _free.WaitAsync();
        }
    }

    public void Dispose() => _free.Dispose();
}
