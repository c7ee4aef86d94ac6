using Dapr.Workflow.Sidecar;
using Dapr.Workflow.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace Dapr.Workflow;

/// <summary>Registers the workflow runtime (the worker that runs workflows and activities) and <see cref="DaprWorkflowClient"/>.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// Adds the workflow worker as a hosted service and <see cref="DaprWorkflowClient"/>. The sidecar is found
    /// through DAPR_GRPC_ENDPOINT or DAPR_GRPC_PORT (configuration or environment), else 127.0.0.1:50001.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Registers workflows and activities and sets the concurrency limits.</param>
    /// <param name="lifetime">The lifetime of <see cref="DaprWorkflowClient"/>.</param>
    public static IServiceCollection AddDaprWorkflow(
        this IServiceCollection services,
        Action<WorkflowRuntimeOptions> configure,
        ServiceLifetime lifetime = ServiceLifetime.Singleton)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var options = new WorkflowRuntimeOptions();
        configure(options);

        services.AddSingleton(options);
        services.AddSingleton<SidecarConnection>();
        services.AddSingleton(provider => provider.GetRequiredService<SidecarConnection>().Client);
        services.Add(new ServiceDescriptor(
            typeof(DaprWorkflowClient),
            provider => new DaprWorkflowClient(provider.GetRequiredService<SidecarConnection>().Client),
            lifetime));
        services.AddHostedService<WorkflowWorker>();
        return services;
    }
}
