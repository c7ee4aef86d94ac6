using System.Diagnostics;
using Ecommerce.DaprLocal.Resiliency;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

/// <summary>Timeouts run on the real clock with short durations; each test stays well under a second.</summary>
public class TimeoutTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(50);
    private static readonly RetryDefinition s_twoQuickRetries =
        new("quick", RetryKind.Constant, "test") { Duration = TimeSpan.FromMilliseconds(10), MaxRetries = 2 };

    [Fact]
    public async Task Timeout_applies_to_each_attempt_and_timed_out_attempts_are_retried()
    {
        var policy = new ResiliencyPolicy("test", s_timeout, s_twoQuickRetries);
        var started = 0;
        using var cancelled = new SemaphoreSlim(0);

        var error = await Assert.ThrowsAsync<ResiliencyTimeoutException>(() => policy.ExecuteAsync(
            async token =>
            {
                Interlocked.Increment(ref started);
                try
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                finally
                {
                    cancelled.Release();
                }
            },
            CancellationToken.None));

        Assert.Equal(s_timeout, error.Timeout);
        Assert.Equal(3, started);
        // The policy returns at the deadline without waiting for the attempt to wind down, so the
        // cancellations are awaited here rather than assumed to have run.
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await cancelled.WaitAsync(TimeSpan.FromSeconds(5)), $"attempt {i + 1} was not cancelled");
        }
    }

    [Fact]
    public async Task A_slow_first_attempt_times_out_and_the_retry_succeeds()
    {
        var policy = new ResiliencyPolicy("test", s_timeout, s_twoQuickRetries);
        var attempts = 0;

        var result = await policy.ExecuteAsync(
            async token =>
            {
                if (Interlocked.Increment(ref attempts) == 1)
                {
                    await Task.Delay(Timeout.Infinite, token);
                }
                return 200;
            },
            AttemptOutcome.FromHttpStatus,
            CancellationToken.None);

        Assert.Equal(200, result);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task An_attempt_that_ignores_its_token_is_abandoned_at_the_deadline()
    {
        var policy = new ResiliencyPolicy("test", s_timeout);
        using var release = new SemaphoreSlim(0);
        var stopwatch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<ResiliencyTimeoutException>(() => policy.ExecuteAsync(
            async _ =>
            {
                // Deliberately deaf to its token: the policy must still return at the deadline.
                await release.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
                return 200;
            },
            AttemptOutcome.FromHttpStatus,
            CancellationToken.None));

        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
        release.Release();
    }

    [Fact]
    public async Task Caller_cancellation_is_not_a_timeout_and_is_not_retried()
    {
        var policy = new ResiliencyPolicy("test", TimeSpan.FromSeconds(10), s_twoQuickRetries);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(30));
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => policy.ExecuteAsync(
            async token =>
            {
                Interlocked.Increment(ref attempts);
                await Task.Delay(Timeout.Infinite, token);
            },
            cancellation.Token));

        Assert.Equal(1, attempts);
    }

    [Fact]
    public async Task Fast_attempts_are_unaffected_by_the_timeout()
    {
        var policy = new ResiliencyPolicy("test", TimeSpan.FromSeconds(5));

        var result = await policy.ExecuteAsync(_ => Task.FromResult(204), AttemptOutcome.FromHttpStatus, CancellationToken.None);

        Assert.Equal(204, result);
    }
}
