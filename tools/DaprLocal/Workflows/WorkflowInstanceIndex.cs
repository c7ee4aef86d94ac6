using Ecommerce.DaprLocal.State;
using Ecommerce.DaprLocal.Workflows.Storage;
using Google.Protobuf;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The ids of all stored instances, which <c>ListInstanceIDs</c> pages through and a restarted
/// sidecar resumes from (IStateStore cannot list keys). Split into <see cref="ShardCount"/>
/// documents by a stable hash of the id, so adding an instance rewrites one small document, and
/// two instances created at once rarely wait for the same shard. A shard is written in the same
/// transaction as the instance's creation or purge, under the shard's own lock.
/// </summary>
public sealed class WorkflowInstanceIndex(WorkflowStateStore store)
{
    public const int ShardCount = 32;

    private readonly Shard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(_ => new Shard())];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        for (var i = 0; i < ShardCount; i++)
        {
            if (await store.GetAsync(store.Keys.IndexShard(i), cancellationToken) is { } bytes)
            {
                lock (_shards[i].Ids)
                {
                    _shards[i].Ids.UnionWith(WorkflowIndexShard.Parser.ParseFrom(bytes).InstanceIds);
                }
            }
        }
    }

    public bool Contains(string instanceId)
    {
        var shard = _shards[ShardOf(instanceId)];
        lock (shard.Ids)
        {
            return shard.Ids.Contains(instanceId);
        }
    }

    /// <summary>Every known id in ordinal order (the order pages are cut in).</summary>
    public IReadOnlyList<string> All()
    {
        var all = new List<string>();
        foreach (var shard in _shards)
        {
            lock (shard.Ids)
            {
                all.AddRange(shard.Ids);
            }
        }
        all.Sort(StringComparer.Ordinal);
        return all;
    }

    /// <summary>
    /// Runs <paramref name="operations"/> as one transaction together with the shard write that
    /// adds the id (<paramref name="present"/>) or removes it, holding the shard until the
    /// transaction is done; the in-memory copy changes only once it succeeded. No shard write is
    /// added when the index already says so.
    /// </summary>
    public async Task CommitWithAsync(string instanceId, bool present, List<StateOperation> operations, CancellationToken cancellationToken)
    {
        var number = ShardOf(instanceId);
        var shard = _shards[number];
        await shard.Writer.WaitAsync(cancellationToken);
        try
        {
            WorkflowIndexShard? updated = null;
            lock (shard.Ids)
            {
                if (shard.Ids.Contains(instanceId) != present)
                {
                    updated = new WorkflowIndexShard();
                    updated.InstanceIds.AddRange(present ? shard.Ids.Append(instanceId) : shard.Ids.Where(id => id != instanceId));
                }
            }
            if (updated is not null)
            {
                operations.Add(new StateOperation.Upsert(new StateWrite(store.Keys.IndexShard(number), updated.ToByteArray())));
            }
            await store.TransactAsync(operations, cancellationToken);
            lock (shard.Ids)
            {
                if (present)
                {
                    shard.Ids.Add(instanceId);
                }
                else
                {
                    shard.Ids.Remove(instanceId);
                }
            }
        }
        finally
        {
            shard.Writer.Release();
        }
    }

    /// <summary>FNV-1a over the id's characters: stable across processes, unlike string.GetHashCode.</summary>
    private static int ShardOf(string instanceId)
    {
        var hash = 2166136261u;
        foreach (var c in instanceId)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (int)(hash % ShardCount);
    }

    private sealed class Shard
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public SemaphoreSlim Writer { get; } = new(1, 1);
    }
}
