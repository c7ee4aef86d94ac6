using System.Globalization;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>
/// The actor-state keys daprd uses for a workflow instance (workflow protocol note §4.1):
/// <c>&lt;appId&gt;||dapr.internal.default.&lt;appId&gt;.workflow||&lt;instanceId&gt;||&lt;key&gt;</c>, so
/// <c>dapr workflow list</c> and the dashboards that read the state store find DaprLocal's instances.
/// </summary>
public sealed class WorkflowStateKeys(string appId)
{
    private readonly string _actorPrefix = $"{appId}||dapr.internal.default.{appId}.workflow||";

    /// <summary>DaprLocal's own index of instance ids, outside daprd's actor key space so it never collides with an instance.</summary>
    private readonly string _indexPrefix = $"{appId}||daprlocal.workflow.index||";

    public string Metadata(string instanceId) => $"{_actorPrefix}{instanceId}||metadata";

    public string History(string instanceId, int index) => $"{_actorPrefix}{instanceId}||history-{Index(index)}";

    public string Inbox(string instanceId, int index) => $"{_actorPrefix}{instanceId}||inbox-{Index(index)}";

    public string CustomStatus(string instanceId) => $"{_actorPrefix}{instanceId}||customStatus";

    public string IndexShard(int shard) => $"{_indexPrefix}shard-{shard.ToString("D2", CultureInfo.InvariantCulture)}";

    private static string Index(int index) => index.ToString("D6", CultureInfo.InvariantCulture);
}
