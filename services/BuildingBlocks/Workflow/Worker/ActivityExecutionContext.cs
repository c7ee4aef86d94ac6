using Ecommerce.Workflow.Protocol;

namespace Dapr.Workflow.Worker;

/// <summary>The <see cref="WorkflowActivityContext"/> of one activity request.</summary>
internal sealed class ActivityExecutionContext(ActivityRequest request) : WorkflowActivityContext
{
    public override TaskIdentifier Identifier => request.Name;

    public override string TaskExecutionKey => request.TaskExecutionId;

    public override string InstanceId => request.WorkflowInstance?.InstanceId ?? string.Empty;
}
