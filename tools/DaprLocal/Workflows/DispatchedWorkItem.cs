using Ecommerce.Workflow.Protocol;

namespace Ecommerce.DaprLocal.Workflows;

/// <summary>A work item and the instance generation it belongs to (answers for an older generation are dropped).</summary>
public sealed record DispatchedWorkItem(WorkItemKey Key, WorkItem Item, ulong Generation);
