namespace Dapr.Workflow;

/// <summary>
/// Retries a failed activity or child workflow. The workflow itself waits between attempts on durable
/// timers, so a retry survives restarts; the sidecar only ever sees ordinary tasks and timers.
/// </summary>
public sealed class WorkflowRetryPolicy
{
    /// <param name="maxNumberOfAttempts">Attempts in total, the first one included (at least 1).</param>
    /// <param name="firstRetryInterval">The wait before the second attempt (positive).</param>
    /// <param name="backoffCoefficient">Each further wait is the previous one times this (at least 1).</param>
    /// <param name="maxRetryInterval">Caps a single wait; <c>null</c> = no cap.</param>
    /// <param name="retryTimeout">No new attempt once this long has passed since the first; <c>null</c> = no limit.</param>
    public WorkflowRetryPolicy(
        int maxNumberOfAttempts,
        TimeSpan firstRetryInterval,
        double backoffCoefficient = 1.0,
        TimeSpan? maxRetryInterval = null,
        TimeSpan? retryTimeout = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxNumberOfAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(firstRetryInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(backoffCoefficient, 1.0);
        MaxNumberOfAttempts = maxNumberOfAttempts;
        FirstRetryInterval = firstRetryInterval;
        BackoffCoefficient = backoffCoefficient;
        MaxRetryInterval = maxRetryInterval;
        RetryTimeout = retryTimeout;
    }

    public int MaxNumberOfAttempts { get; }

    public TimeSpan FirstRetryInterval { get; }

    public double BackoffCoefficient { get; }

    public TimeSpan? MaxRetryInterval { get; }

    public TimeSpan? RetryTimeout { get; }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): first × coefficient^(attempt-1), capped.</summary>
    internal TimeSpan DelayAfterAttempt(int attempt)
    {
        var delay = FirstRetryInterval * Math.Pow(BackoffCoefficient, attempt - 1);
        return MaxRetryInterval is { } cap && delay > cap ? cap : delay;
    }
}
