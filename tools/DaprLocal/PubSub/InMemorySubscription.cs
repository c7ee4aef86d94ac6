namespace Ecommerce.DaprLocal.PubSub;

/// <summary>
/// One subscriber of a group's <see cref="InMemoryGroupQueue"/>: takes messages while it has a free
/// worker slot and runs their handlers concurrently, up to the slot count.
/// </summary>
internal sealed class InMemorySubscription : IAsyncDisposable
{
    private readonly InMemoryGroupQueue _queue;
    private readonly Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> _handler;
    private readonly ILogger _logger;
    private readonly WorkerSlots _slots;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _disposed;

    public InMemorySubscription(
        InMemoryGroupQueue queue,
        Func<PubSubMessage, CancellationToken, Task<DeliveryResult>> handler,
        int concurrency,
        ILogger logger)
    {
        _queue = queue;
        _handler = handler;
        _logger = logger;
        _slots = new WorkerSlots(concurrency);
        _pump = Task.Run(PumpAsync);
    }

    private async Task PumpAsync()
    {
        var stopping = _stopping.Token;
        while (await _slots.TryTakeAsync(stopping))
        {
            var delivery = await TryDequeueAsync(stopping);
            if (delivery is null)
            {
                _slots.Release();
                return;
            }
            // Off the pump, so a handler that runs synchronously for a while does not hold up the
            // others; run even when stopping, since the task gives the slot (and the message) back.
            _ = Task.Run(() => DeliverAsync(delivery, stopping), CancellationToken.None);
        }
    }

    private async Task<InMemoryDelivery?> TryDequeueAsync(CancellationToken stopping)
    {
        try
        {
            return await _queue.DequeueAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private async Task DeliverAsync(InMemoryDelivery delivery, CancellationToken stopping)
    {
        try
        {
            if (stopping.IsCancellationRequested)
            {
                // Taken just as the subscription stopped: hand it straight back to the group.
                _queue.Enqueue(delivery);
                return;
            }
            var result = await DeliveryHandlerInvoker.InvokeAsync(_handler, delivery.Message, _logger, stopping);
            if (result == DeliveryResult.Retry)
            {
                _queue.RedeliverLater(delivery);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stopping.CancelAsync();
        await _pump;
        await _slots.DrainAsync();
        _slots.Dispose();
        _stopping.Dispose();
    }
}
