using Dapr.Workflow;
using Ecommerce.Ordering.Extensions;

namespace Ecommerce.Ordering.Workflow;

/// <summary>A retry policy as a saga's input carries it (the workflow may not read configuration: it must replay the same).</summary>
public sealed record RetrySpec(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient, TimeSpan MaxInterval)
{
    public static RetrySpec From(RetrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.MaxAttempts, settings.FirstInterval, settings.BackoffCoefficient, settings.MaxInterval);
    }

    public WorkflowTaskOptions ToOptions() =>
        new(new WorkflowRetryPolicy(MaxAttempts, FirstInterval, BackoffCoefficient, MaxInterval));
}
