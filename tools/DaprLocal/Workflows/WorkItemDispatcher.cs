using System.Collections.Concurrent;
using System.Threading.Channels;
using Ecommerce.Workflow.Protocol;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// Hands work items to the connected <c>GetWorkItems</c> streams. All streams take from one
/// queue, so items spread over the workers that are free, and each stream is written by its own
/// loop only (one writer per stream, like durabletask-go). Items wait in the queue while no
/// worker is connected. Every dispatch gets a fresh completion token; when a stream ends, the
/// items it had not completed go back into the queue for the next worker (activities are
/// therefore at least once).
/// </summary>
public sealed class WorkItemDispatcher
{
    private readonly Channel<DispatchedWorkItem> _queue = Channel.CreateUnbounded<DispatchedWorkItem>();
    private readonly ConcurrentDictionary<WorkItemKey, (long Stream, DispatchedWorkItem Work)> _inFlight = new();
    private long _lastStream;

    public void Enqueue(DispatchedWorkItem work) => _queue.Writer.TryWrite(work);

    /// <summary>Feeds one worker stream until it ends, then puts back what it left unfinished.</summary>
    public async Task ServeAsync(IServerStreamWriter<WorkItem> stream, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var streamId = Interlocked.Increment(ref _lastStream);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_queue.Reader.TryRead(out var work))
                {
                    work.Item.CompletionToken = Guid.NewGuid().ToString();
                    // Registered before the write: if the write fails, the item is put back below.
                    _inFlight[work.Key] = (streamId, work);
                    await stream.WriteAsync(work.Item, cancellationToken);
                }
            }
        }
        catch (Exception error) when (error is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The worker went away or the sidecar is stopping: its items are re-dispatched below.
        }
        finally
        {
            foreach (var (key, entry) in _inFlight)
            {
                if (entry.Stream == streamId && _inFlight.TryRemove(new KeyValuePair<WorkItemKey, (long, DispatchedWorkItem)>(key, entry)))
                {
                    Enqueue(entry.Work);
                }
            }
        }
    }

    /// <summary>
    /// Accepts a completion if its work item is out with a worker and the token is the dispatched
    /// one; an empty token is accepted (durabletask-js and Dapr ≤1.18 SDKs never echo it). Returns
    /// the dispatched item, or null when the answer is stale, duplicate or unknown.
    /// </summary>
    public DispatchedWorkItem? TryComplete(WorkItemKey key, string completionToken)
    {
        if (!_inFlight.TryGetValue(key, out var entry)
            || (completionToken.Length > 0 && completionToken != entry.Work.Item.CompletionToken))
        {
            return null;
        }
        return _inFlight.TryRemove(new KeyValuePair<WorkItemKey, (long, DispatchedWorkItem)>(key, entry)) ? entry.Work : null;
    }

    /// <summary>Forgets what is out for an instance whose state started over (purge, re-creation).</summary>
    public void Forget(string instanceId)
    {
        foreach (var key in _inFlight.Keys.Where(k => k.InstanceId == instanceId))
        {
            _inFlight.TryRemove(key, out _);
        }
    }
}
