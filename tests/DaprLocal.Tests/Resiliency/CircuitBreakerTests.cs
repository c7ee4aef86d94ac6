using Ecommerce.DaprLocal.Resiliency;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

public class CircuitBreakerTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public async Task Trips_after_consecutive_failures_and_fails_fast_while_open()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test") { Trip = TripExpression.Parse("consecutiveFailures >= 3"), Timeout = TimeSpan.FromSeconds(30) });

        Assert.Equal(500, await Call(policy, 500));
        Assert.Equal(500, await Call(policy, 500));
        Assert.Equal(CircuitBreakerState.Closed, policy.CircuitBreaker!.State);
        Assert.Equal(500, await Call(policy, 500));
        Assert.Equal(CircuitBreakerState.Open, policy.CircuitBreaker.State);

        var attempted = false;
        var error = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => policy.ExecuteAsync(
            _ =>
            {
                attempted = true;
                return Task.FromResult(200);
            },
            AttemptOutcome.FromHttpStatus,
            CancellationToken.None));

        Assert.False(attempted);
        Assert.Equal(CircuitBreakerState.Open, error.State);
        Assert.Equal("cb", error.BreakerName);
    }

    [Fact]
    public async Task A_success_resets_the_consecutive_count()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test") { Trip = TripExpression.Parse("consecutiveFailures >= 3") });

        await Call(policy, 500);
        await Call(policy, 500);
        await Call(policy, 200);
        await Call(policy, 500);
        await Call(policy, 500);

        Assert.Equal(CircuitBreakerState.Closed, policy.CircuitBreaker!.State);
        Assert.Equal(new BreakerCounts(5, 1, 4, 0, 2), policy.CircuitBreaker.Counts);
    }

    [Fact]
    public async Task Half_opens_after_the_timeout_closes_on_success_and_reopens_on_failure()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test") { Trip = TripExpression.Parse("consecutiveFailures >= 2"), Timeout = TimeSpan.FromSeconds(30) });
        await Call(policy, 500);
        await Call(policy, 500);
        var breaker = policy.CircuitBreaker!;

        _clock.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(CircuitBreakerState.Open, breaker.State);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(CircuitBreakerState.HalfOpen, breaker.State);

        Assert.Equal(200, await Call(policy, 200));
        Assert.Equal(CircuitBreakerState.Closed, breaker.State);

        await Call(policy, 500);
        await Call(policy, 500);
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(CircuitBreakerState.HalfOpen, breaker.State);

        Assert.Equal(503, await Call(policy, 503));
        Assert.Equal(CircuitBreakerState.Open, breaker.State);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(policy, 200));
    }

    [Fact]
    public async Task Half_open_admits_max_requests_probes_and_needs_as_many_successes()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test")
        {
            MaxRequests = 2,
            Trip = TripExpression.Parse("consecutiveFailures >= 1"),
            Timeout = TimeSpan.FromSeconds(10),
        });
        await Call(policy, 500);
        _clock.Advance(TimeSpan.FromSeconds(11));
        var first = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var second = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);

        var probe1 = policy.ExecuteAsync(_ => first.Task, AttemptOutcome.FromHttpStatus, CancellationToken.None);
        var probe2 = policy.ExecuteAsync(_ => second.Task, AttemptOutcome.FromHttpStatus, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(policy, 200));
        Assert.Equal(CircuitBreakerState.HalfOpen, refused.State);

        first.SetResult(200);
        await probe1;
        Assert.Equal(CircuitBreakerState.HalfOpen, policy.CircuitBreaker!.State);
        second.SetResult(200);
        await probe2;
        Assert.Equal(CircuitBreakerState.Closed, policy.CircuitBreaker.State);
    }

    [Fact]
    public async Task Interval_clears_the_counters_of_a_closed_breaker()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test")
        {
            Interval = TimeSpan.FromSeconds(10),
            Trip = TripExpression.Parse("totalFailures >= 3"),
        });

        await Call(policy, 500);
        await Call(policy, 500);
        _clock.Advance(TimeSpan.FromSeconds(11));
        await Call(policy, 500);
        await Call(policy, 500);
        Assert.Equal(CircuitBreakerState.Closed, policy.CircuitBreaker!.State);
        await Call(policy, 500);
        Assert.Equal(CircuitBreakerState.Open, policy.CircuitBreaker.State);
    }

    [Fact]
    public async Task Default_trip_is_more_than_five_consecutive_failures()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test"));

        for (var i = 0; i < 5; i++)
        {
            await Call(policy, 500);
        }
        Assert.Equal(CircuitBreakerState.Closed, policy.CircuitBreaker!.State);
        await Call(policy, 500);
        Assert.Equal(CircuitBreakerState.Open, policy.CircuitBreaker.State);
    }

    [Fact]
    public async Task Each_retry_passes_the_breaker_and_an_opening_breaker_ends_the_retries()
    {
        var breaker = new CircuitBreaker(new CircuitBreakerDefinition("cb", "test") { Trip = TripExpression.Parse("consecutiveFailures >= 2") }, "cb", _clock);
        var retry = new RetryDefinition("r", RetryKind.Constant, "test") { Duration = TimeSpan.Zero, MaxRetries = 10 };
        var policy = new ResiliencyPolicy("test", retry: retry, circuitBreaker: breaker, timeProvider: _clock);
        var attempts = 0;

        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => policy.ExecuteAsync(
            _ =>
            {
                attempts++;
                return Task.FromResult(500);
            },
            AttemptOutcome.FromHttpStatus,
            CancellationToken.None));

        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task Concurrent_calls_are_all_counted()
    {
        var policy = Policy(new CircuitBreakerDefinition("cb", "test"));

        await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => Call(policy, 200))));

        Assert.Equal(new BreakerCounts(200, 200, 0, 200, 0), policy.CircuitBreaker!.Counts);
    }

    private ResiliencyPolicy Policy(CircuitBreakerDefinition definition) =>
        new("test", circuitBreaker: new CircuitBreaker(definition, definition.Name, _clock), timeProvider: _clock);

    private static Task<int> Call(ResiliencyPolicy policy, int status) =>
        policy.ExecuteAsync(_ => Task.FromResult(status), AttemptOutcome.FromHttpStatus, CancellationToken.None);
}
