using Microsoft.Extensions.DependencyInjection;

namespace Dapr.Workflow;

/// <summary>The workflows and activities this process runs, and how many may run at once.</summary>
public sealed class WorkflowRuntimeOptions
{
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflow>> _workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<IServiceProvider, IWorkflowActivity>> _activities = new(StringComparer.Ordinal);

    /// <summary>Workflow turns executed at the same time (across instances).</summary>
    public int MaxConcurrentWorkflows { get; set; } = 100;

    /// <summary>Activities executed at the same time.</summary>
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Registers a workflow class, created through dependency injection for every turn.</summary>
    /// <param name="name">The name it is started by; the class name when omitted.</param>
    public void RegisterWorkflow<TWorkflow>(string? name = null)
        where TWorkflow : class, IWorkflow =>
        Add(_workflows, name ?? typeof(TWorkflow).Name, "workflow", services => ActivatorUtilities.CreateInstance<TWorkflow>(services));

    /// <summary>Registers a workflow written as a function.</summary>
    public void RegisterWorkflow<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        Add(_workflows, name, "workflow", _ => new DelegateWorkflow<TInput, TOutput>(implementation));
    }

    /// <summary>Registers an activity class, created through dependency injection for every execution.</summary>
    /// <param name="name">The name workflows call it by; the class name when omitted.</param>
    public void RegisterActivity<TActivity>(string? name = null)
        where TActivity : class, IWorkflowActivity =>
        Add(_activities, name ?? typeof(TActivity).Name, "activity", services => ActivatorUtilities.CreateInstance<TActivity>(services));

    /// <summary>Registers an activity written as a function.</summary>
    public void RegisterActivity<TInput, TOutput>(string name, Func<WorkflowActivityContext, TInput, Task<TOutput>> implementation)
    {
        ArgumentNullException.ThrowIfNull(implementation);
        Add(_activities, name, "activity", _ => new DelegateActivity<TInput, TOutput>(implementation));
    }

    internal IWorkflow? CreateWorkflow(string name, IServiceProvider services) =>
        _workflows.TryGetValue(name, out var create) ? create(services) : null;

    internal IWorkflowActivity? CreateActivity(string name, IServiceProvider services) =>
        _activities.TryGetValue(name, out var create) ? create(services) : null;

    private static void Add<T>(Dictionary<string, Func<IServiceProvider, T>> registry, string name, string kind, Func<IServiceProvider, T> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!registry.TryAdd(name, create))
        {
            throw new InvalidOperationException($"A {kind} named '{name}' is already registered.");
        }
    }

    /// <summary>Adapts a workflow function to <see cref="Workflow{TInput, TOutput}"/>.</summary>
    private sealed class DelegateWorkflow<TInput, TOutput>(Func<WorkflowContext, TInput, Task<TOutput>> implementation)
        : Workflow<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(WorkflowContext context, TInput input) => implementation(context, input);
    }

    /// <summary>Adapts an activity function to <see cref="WorkflowActivity{TInput, TOutput}"/>.</summary>
    private sealed class DelegateActivity<TInput, TOutput>(Func<WorkflowActivityContext, TInput, Task<TOutput>> implementation)
        : WorkflowActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(WorkflowActivityContext context, TInput input) => implementation(context, input);
    }
}
