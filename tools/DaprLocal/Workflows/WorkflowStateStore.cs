using Ecommerce.DaprLocal.State;
using Ecommerce.DaprLocal.Workflows.Storage;
using Ecommerce.Workflow.Protocol;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// Reads and writes workflow instances in the actor state store in daprd's layout (§4.1): a
/// protobuf <c>metadata</c> key, one protobuf <c>HistoryEvent</c> per <c>history-NNNNNN</c> and
/// <c>inbox-NNNNNN</c> key, a <c>customStatus</c> StringValue. Writers build the operations of
/// one commit with the helpers here and run them as one transaction, so a commit only ever adds
/// the new history keys instead of rewriting the instance.
/// </summary>
public sealed class WorkflowStateStore(IStateStore store, WorkflowStateKeys keys)
{
    public WorkflowStateKeys Keys { get; } = keys;

    public Task TransactAsync(IReadOnlyList<StateOperation> operations, CancellationToken cancellationToken) =>
        store.TransactAsync(operations, cancellationToken);

    public async Task<byte[]?> GetAsync(string key, CancellationToken cancellationToken) =>
        (await store.GetAsync(key, cancellationToken))?.Value;

    /// <summary>Reads a whole instance into <paramref name="instance"/>; false when it has no stored state.</summary>
    public async Task<bool> LoadAsync(WorkflowInstanceState instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        instance.Reset();
        var id = instance.InstanceId;
        if (await GetAsync(Keys.Metadata(id), cancellationToken) is not { } metadataBytes)
        {
            return false;
        }
        var metadata = WorkflowStateMetadata.Parser.ParseFrom(metadataBytes);
        for (var i = 0; i < (int)metadata.HistoryLength; i++)
        {
            instance.History.Add(await ReadEventAsync(Keys.History(id, i), cancellationToken));
        }
        for (var i = 0; i < (int)metadata.InboxLength; i++)
        {
            instance.Inbox.Add(new InboxEvent(await ReadEventAsync(Keys.Inbox(id, i), cancellationToken), Persisted: true));
        }
        instance.StoredInboxLength = (int)metadata.InboxLength;
        instance.Generation = metadata.Generation;
        instance.CustomStatus = await GetAsync(Keys.CustomStatus(id), cancellationToken) is { } status ? StringValue.Parser.ParseFrom(status).Value : null;
        instance.Exists = true;
        return true;
    }

    /// <summary>
    /// Whether a stored instance may still need to run: it has metadata and its last history
    /// event is not <c>ExecutionCompleted</c>. Two reads, so that a restart does not load every
    /// finished instance to find the few unfinished ones.
    /// </summary>
    public async Task<bool> IsUnfinishedAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await GetAsync(Keys.Metadata(instanceId), cancellationToken) is not { } metadataBytes)
        {
            return false;
        }
        var metadata = WorkflowStateMetadata.Parser.ParseFrom(metadataBytes);
        if (metadata.HistoryLength == 0)
        {
            return true;
        }
        var last = await ReadEventAsync(Keys.History(instanceId, (int)metadata.HistoryLength - 1), cancellationToken);
        return last.EventTypeCase != HistoryEvent.EventTypeOneofCase.ExecutionCompleted;
    }

    public StateOperation WriteMetadata(string instanceId, ulong generation, int historyLength, int inboxLength, bool create)
    {
        var metadata = new WorkflowStateMetadata { HistoryLength = (ulong)historyLength, InboxLength = (ulong)inboxLength, Generation = generation };
        // First-write on creation: a second sidecar (or a racing start) cannot overwrite an instance.
        // Later writes carry no ETag because IStateStore does not report the ETag a write made;
        // the instance belongs to this sidecar, whose per-instance lock orders its writes.
        return new StateOperation.Upsert(new StateWrite(
            Keys.Metadata(instanceId), metadata.ToByteArray(), Concurrency: create ? StateConcurrency.FirstWrite : StateConcurrency.LastWrite));
    }

    public StateOperation WriteHistory(string instanceId, int index, HistoryEvent historyEvent) =>
        new StateOperation.Upsert(new StateWrite(Keys.History(instanceId, index), historyEvent.ToByteArray()));

    public StateOperation DeleteHistory(string instanceId, int index) => new StateOperation.Delete(new StateDelete(Keys.History(instanceId, index)));

    public StateOperation WriteInbox(string instanceId, int index, HistoryEvent historyEvent) =>
        new StateOperation.Upsert(new StateWrite(Keys.Inbox(instanceId, index), historyEvent.ToByteArray()));

    public StateOperation DeleteInbox(string instanceId, int index) => new StateOperation.Delete(new StateDelete(Keys.Inbox(instanceId, index)));

    public StateOperation WriteCustomStatus(string instanceId, string? customStatus) => customStatus is null
        ? new StateOperation.Delete(new StateDelete(Keys.CustomStatus(instanceId)))
        : new StateOperation.Upsert(new StateWrite(Keys.CustomStatus(instanceId), new StringValue { Value = customStatus }.ToByteArray()));

    public StateOperation DeleteMetadata(string instanceId) => new StateOperation.Delete(new StateDelete(Keys.Metadata(instanceId)));

    private async Task<HistoryEvent> ReadEventAsync(string key, CancellationToken cancellationToken) =>
        await GetAsync(key, cancellationToken) is { } bytes
            ? HistoryEvent.Parser.ParseFrom(bytes)
            : throw new InvalidOperationException($"workflow state key '{key}' is missing although the metadata counts it");
}
