using System.Runtime.ExceptionServices;

namespace Ecommerce.DaprLocal.Resiliency;

/// <summary>
/// The timeout, retry and circuit breaker that apply to one call, composed in daprd's order
/// (<c>pkg/resiliency/policy.go</c>): <c>retry( circuitBreaker( timeout( attempt ) ) )</c>.
/// <list type="bullet">
/// <item>The timeout bounds each attempt, not the whole call; a timed-out attempt is a failure
/// without a status code, so it is retried whatever <c>matching</c> says.</item>
/// <item>Every attempt passes the breaker, so each retry is counted and a retry loop stops at once
/// (throwing <see cref="CircuitBreakerOpenException"/>) when the breaker opens.</item>
/// <item>A failure with an HTTP/gRPC code not in the retry policy's <c>matching</c> list ends the call.</item>
/// </list>
/// When retries run out (or a failure is not retryable), a failed result is returned and an exception
/// rethrown — the caller sees the last attempt. Results that are discarded (a failed result before a
/// retry, or one that arrives after its timeout) are disposed if they are <see cref="IDisposable"/>,
/// as daprd disposes responses it drops. Thread-safe; breakers are shared, everything else is per call.
/// </summary>
public sealed class ResiliencyPolicy
{
    private readonly TimeProvider _timeProvider;
    private readonly Func<AttemptOutcome, bool>? _retryFilter;

    public ResiliencyPolicy(
        string name,
        TimeSpan? timeout = null,
        RetryDefinition? retry = null,
        CircuitBreaker? circuitBreaker = null,
        TimeProvider? timeProvider = null)
        : this(name, timeout, retry, circuitBreaker, timeProvider, retryFilter: null)
    {
    }

    /// <summary>
    /// With a call site's own limit on what is retried, on top of <c>matching</c>
    /// (daprd's built-in service retries only retry transport failures).
    /// </summary>
    internal ResiliencyPolicy(
        string name,
        TimeSpan? timeout,
        RetryDefinition? retry,
        CircuitBreaker? circuitBreaker,
        TimeProvider? timeProvider,
        Func<AttemptOutcome, bool>? retryFilter)
    {
        Name = name;
        Timeout = timeout > TimeSpan.Zero ? timeout : null;
        Retry = retry;
        CircuitBreaker = circuitBreaker;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _retryFilter = retryFilter;
    }

    /// <summary>Runs the attempt once, untouched.</summary>
    public static ResiliencyPolicy None { get; } = new("none");

    /// <summary>What the policy is for, e.g. <c>app[orders]</c>; for logs.</summary>
    public string Name { get; }

    public TimeSpan? Timeout { get; }

    public RetryDefinition? Retry { get; }

    public CircuitBreaker? CircuitBreaker { get; }

    public bool IsNone => Timeout is null && Retry is null && CircuitBreaker is null;

    /// <summary>Runs an action; any exception it throws is a failure without a status code.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> attempt, CancellationToken cancellationToken) =>
        ExecuteAsync(attempt, static _ => AttemptOutcome.Failure, cancellationToken);

    /// <summary>Runs an action; <paramref name="classifyException"/> gives each exception its status code.</summary>
    public Task ExecuteAsync(
        Func<CancellationToken, Task> attempt,
        Func<Exception, AttemptOutcome> classifyException,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        return ExecuteAsync(
            async token =>
            {
                await attempt(token);
                return true;
            },
            static _ => AttemptOutcome.Success,
            classifyException,
            cancellationToken);
    }

    /// <summary>Runs a call whose results <paramref name="classify"/> judges; exceptions are failures without a status code.</summary>
    public Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<T, AttemptOutcome> classify,
        CancellationToken cancellationToken) =>
        ExecuteAsync(attempt, classify, static _ => AttemptOutcome.Failure, cancellationToken);

    /// <summary>
    /// Runs a call under the policy. <paramref name="classify"/> judges returned results and
    /// <paramref name="classifyException"/> thrown exceptions (an exception judged a success counts as one
    /// for the breaker, is not retried, and is rethrown). Cancellation of <paramref name="cancellationToken"/>
    /// is never retried: it surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<T, AttemptOutcome> classify,
        Func<Exception, AttemptOutcome> classifyException,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(classify);
        ArgumentNullException.ThrowIfNull(classifyException);
        if (IsNone)
        {
            return await attempt(cancellationToken);
        }

        var backoff = Retry is null ? null : new RetryBackoff(Retry, _timeProvider, Random.Shared.NextDouble);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await RunThroughBreakerAsync(attempt, classify, classifyException, cancellationToken);
            if (result.Outcome.IsSuccess || backoff is null || !IsRetryable(result.Outcome) || !backoff.TryGetNextDelay(out var delay))
            {
                return result.GetValueOrThrow();
            }
            result.DisposeValue();
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    private bool IsRetryable(AttemptOutcome outcome) =>
        Retry!.Matching.ShouldRetry(outcome) && (_retryFilter is null || _retryFilter(outcome));

    private async Task<AttemptResult<T>> RunThroughBreakerAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<T, AttemptOutcome> classify,
        Func<Exception, AttemptOutcome> classifyException,
        CancellationToken cancellationToken)
    {
        if (CircuitBreaker is null)
        {
            return await RunWithTimeoutAsync(attempt, classify, classifyException, cancellationToken);
        }
        if (!CircuitBreaker.TryEnter(out var generation, out var refusedIn))
        {
            // A refusal is final: daprd marks it permanent so the retry loop stops rather than spins.
            throw new CircuitBreakerOpenException(CircuitBreaker.Name, refusedIn);
        }
        var succeeded = false;
        try
        {
            var result = await RunWithTimeoutAsync(attempt, classify, classifyException, cancellationToken);
            succeeded = result.Outcome.IsSuccess;
            return result;
        }
        finally
        {
            // Cancellation and classifier exceptions count as failures too; a half-open breaker
            // would otherwise wait forever for its probe's verdict.
            CircuitBreaker.Exit(generation, succeeded);
        }
    }

    private async Task<AttemptResult<T>> RunWithTimeoutAsync<T>(
        Func<CancellationToken, Task<T>> attempt,
        Func<T, AttemptOutcome> classify,
        Func<Exception, AttemptOutcome> classifyException,
        CancellationToken cancellationToken)
    {
        if (Timeout is not { } timeout)
        {
            T value;
            try
            {
                value = await attempt(cancellationToken);
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return AttemptResult<T>.Threw(error, classifyException(error));
            }
            return AttemptResult<T>.Returned(value, classify(value));
        }

        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        Task<T> running;
        try
        {
            running = attempt(linked.Token);
        }
        catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return AttemptResult<T>.Threw(error, classifyException(error));
        }

        T result;
        try
        {
            // WaitAsync returns at the deadline even if the attempt ignores its token, as daprd
            // returns at the deadline and leaves the operation to finish in the background.
            // Yielding keeps the rest of the call (retry, next attempt) off the thread that is running
            // the deadline's cancellation callbacks, which the abandoned attempt still needs to see.
            result = await running.WaitAsync(linked.Token).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(running);
            throw;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            Abandon(running);
            return AttemptResult<T>.Threw(new ResiliencyTimeoutException(timeout), AttemptOutcome.Failure);
        }
        catch (Exception error)
        {
            return AttemptResult<T>.Threw(error, classifyException(error));
        }
        return AttemptResult<T>.Returned(result, classify(result));
    }

    /// <summary>Lets an attempt that is no longer awaited finish quietly: its exception observed, its result disposed.</summary>
    private static void Abandon<T>(Task<T> running) =>
        _ = running.ContinueWith(
            static task =>
            {
                if (task.IsCompletedSuccessfully)
                {
                    (task.Result as IDisposable)?.Dispose();
                }
                return task.Exception;
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

    private readonly struct AttemptResult<T>
    {
        private readonly T? _value;
        private readonly ExceptionDispatchInfo? _error;

        private AttemptResult(T? value, ExceptionDispatchInfo? error, AttemptOutcome outcome)
        {
            _value = value;
            _error = error;
            Outcome = outcome;
        }

        public AttemptOutcome Outcome { get; }

        public static AttemptResult<T> Returned(T value, AttemptOutcome outcome) => new(value, null, outcome);

        public static AttemptResult<T> Threw(Exception error, AttemptOutcome outcome) =>
            new(default, ExceptionDispatchInfo.Capture(error), outcome);

        public T GetValueOrThrow()
        {
            _error?.Throw();
            return _value!;
        }

        public void DisposeValue() => (_value as IDisposable)?.Dispose();
    }
}
