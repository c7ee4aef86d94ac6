using Dapr.Workflow;
using Dapr.Workflow.Replay;
using Ecommerce.Workflow.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.Workflow.Tests.Support;

/// <summary>Runs one workflow turn through the real executor, the way the worker does.</summary>
internal static class Turns
{
    public const string InstanceId = "instance-1";

    public static WorkflowResponse Run(
        string workflowName,
        Func<WorkflowContext, string?, Task<string?>> workflow,
        IEnumerable<HistoryEvent> pastEvents,
        IEnumerable<HistoryEvent> newEvents)
    {
        var options = new WorkflowRuntimeOptions();
        options.RegisterWorkflow(workflowName, workflow);
        var executor = new WorkflowTurnExecutor(name => options.CreateWorkflow(name, EmptyServices.Instance), NullLoggerFactory.Instance);
        var request = new WorkflowRequest { InstanceId = InstanceId };
        request.PastEvents.AddRange(pastEvents);
        request.NewEvents.AddRange(newEvents);
        return executor.Execute(request);
    }

    /// <summary>The complete action of a response, or <c>null</c> while the workflow still runs.</summary>
    public static CompleteWorkflowAction? Completion(this WorkflowResponse response) =>
        response.Actions.SingleOrDefault(a => a.CompleteWorkflow is not null)?.CompleteWorkflow;

    private sealed class EmptyServices : IServiceProvider
    {
        public static readonly EmptyServices Instance = new();

        public object? GetService(Type serviceType) => null;
    }
}
