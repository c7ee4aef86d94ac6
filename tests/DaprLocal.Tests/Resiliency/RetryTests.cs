using Ecommerce.DaprLocal.Resiliency;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Tests.Resiliency;

public class RetryTests
{
    private static readonly Func<int, AttemptOutcome> s_httpStatus = AttemptOutcome.FromHttpStatus;

    [Fact]
    public async Task Constant_policy_retries_max_retries_times_spaced_by_duration()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var retry = new RetryDefinition("constant", RetryKind.Constant, "test") { Duration = TimeSpan.FromMilliseconds(200), MaxRetries = 3 };
        var policy = new ResiliencyPolicy("test", retry: retry, timeProvider: clock);
        var attemptTimes = new List<DateTimeOffset>();

        var result = await policy.ExecuteAsync(
            _ =>
            {
                attemptTimes.Add(clock.GetUtcNow());
                return Task.FromResult(503);
            },
            s_httpStatus,
            CancellationToken.None);

        Assert.Equal(503, result);
        Assert.Equal(4, attemptTimes.Count);
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(200)], clock.Delays);
        Assert.All(attemptTimes.Zip(attemptTimes.Skip(1)), pair => Assert.Equal(TimeSpan.FromMilliseconds(200), pair.Second - pair.First));
    }

    [Fact]
    public async Task Success_after_failures_returns_the_successful_result()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policy = new ResiliencyPolicy("test", retry: new RetryDefinition("r", RetryKind.Constant, "test") { MaxRetries = 5 }, timeProvider: clock);
        var attempts = 0;

        var result = await policy.ExecuteAsync(_ => Task.FromResult(++attempts < 3 ? 500 : 200), s_httpStatus, CancellationToken.None);

        Assert.Equal(200, result);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task Exponential_policy_grows_by_one_and_a_half_and_is_capped_by_max_interval()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var retry = new RetryDefinition("exp", RetryKind.Exponential, "test") { MaxInterval = TimeSpan.FromSeconds(2), MaxRetries = 10 };
        var policy = new ResiliencyPolicy("test", retry: retry, timeProvider: clock);
        var attempts = 0;

        await Assert.ThrowsAsync<HttpRequestException>(() => policy.ExecuteAsync<int>(
            _ =>
            {
                attempts++;
                throw new HttpRequestException("connection refused");
            },
            s_httpStatus,
            CancellationToken.None));

        Assert.Equal(11, attempts);
        double[] nominalSeconds = [0.5, 0.75, 1.125, 1.6875, 2, 2, 2, 2, 2, 2];
        Assert.Equal(nominalSeconds.Length, clock.Delays.Count);
        for (var i = 0; i < nominalSeconds.Length; i++)
        {
            // ±50% jitter around the nominal interval, as daprd's backoff.
            var nominal = TimeSpan.FromSeconds(nominalSeconds[i]);
            Assert.InRange(clock.Delays[i], nominal * 0.5, (nominal * 1.5) + TimeSpan.FromTicks(1));
        }
    }

    [Fact]
    public void Exponential_intervals_without_jitter_follow_daprd_sequence()
    {
        var clock = new FakeTimeProvider();
        var retry = new RetryDefinition("exp", RetryKind.Exponential, "test") { MaxInterval = TimeSpan.FromSeconds(3) };
        var middle = new RetryBackoff(retry, clock, () => 0.5);
        var lowest = new RetryBackoff(retry, clock, () => 0);

        var delays = Enumerable.Range(0, 7).Select(_ => middle.TryGetNextDelay(out var delay) ? delay : TimeSpan.MinValue).ToList();

        Assert.Equal(
            new[] { 500, 750, 1125, 1687.5, 2531.25, 3000, 3000 }.Select(TimeSpan.FromMilliseconds),
            delays);
        Assert.True(lowest.TryGetNextDelay(out var first));
        Assert.Equal(TimeSpan.FromMilliseconds(250), first);
    }

    [Fact]
    public async Task Exponential_policy_retrying_forever_still_gives_up_after_fifteen_minutes_like_daprd()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var retry = new RetryDefinition("exp", RetryKind.Exponential, "test") { MaxRetries = -1 };
        var policy = new ResiliencyPolicy("test", retry: retry, timeProvider: clock);
        var started = clock.GetUtcNow();

        var result = await policy.ExecuteAsync(_ => Task.FromResult(503), s_httpStatus, CancellationToken.None);

        Assert.Equal(503, result);
        var elapsed = clock.GetUtcNow() - started;
        Assert.InRange(elapsed, TimeSpan.FromMinutes(13), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task Max_retries_zero_makes_a_single_attempt()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policy = new ResiliencyPolicy("test", retry: new RetryDefinition("none", RetryKind.Constant, "test") { MaxRetries = 0 }, timeProvider: clock);
        var attempts = 0;

        var result = await policy.ExecuteAsync(_ => Task.FromResult(++attempts * 500), s_httpStatus, CancellationToken.None);

        Assert.Equal(500, result);
        Assert.Equal(1, attempts);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task Max_retries_minus_one_retries_until_cancelled()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policy = new ResiliencyPolicy("test", retry: new RetryDefinition("forever", RetryKind.Constant, "test"), timeProvider: clock);
        using var cancellation = new CancellationTokenSource();
        var attempts = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => policy.ExecuteAsync(
            _ =>
            {
                if (++attempts == 50)
                {
                    cancellation.Cancel();
                }
                return Task.FromResult(500);
            },
            s_httpStatus,
            cancellation.Token));

        Assert.Equal(50, attempts);
        Assert.Equal(49, clock.Delays.Count);
        Assert.All(clock.Delays, delay => Assert.Equal(TimeSpan.FromSeconds(5), delay));
    }

    [Fact]
    public async Task Matching_retries_listed_http_codes_only()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var retry = new RetryDefinition("5xx", RetryKind.Constant, "test")
        {
            Duration = TimeSpan.Zero,
            MaxRetries = 3,
            Matching = new RetryMatching([new StatusCodeRange(500, 599)], null),
        };
        var policy = new ResiliencyPolicy("test", retry: retry, timeProvider: clock);

        var (badRequest, badRequestAttempts) = await Run(400);
        var (unavailable, unavailableAttempts) = await Run(503);

        Assert.Equal((400, 1), (badRequest, badRequestAttempts));
        Assert.Equal((503, 4), (unavailable, unavailableAttempts));

        async Task<(int Result, int Attempts)> Run(int status)
        {
            var attempts = 0;
            var result = await policy.ExecuteAsync(
                _ =>
                {
                    attempts++;
                    return Task.FromResult(status);
                },
                s_httpStatus,
                CancellationToken.None);
            return (result, attempts);
        }
    }

    [Fact]
    public async Task Matching_applies_to_grpc_codes_and_to_classified_exceptions_but_uncoded_failures_always_retry()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var retry = new RetryDefinition("grpc", RetryKind.Constant, "test")
        {
            Duration = TimeSpan.Zero,
            MaxRetries = 2,
            Matching = new RetryMatching([new StatusCodeRange(503, 503)], [new StatusCodeRange(14, 14)]),
        };
        var policy = new ResiliencyPolicy("test", retry: retry, timeProvider: clock);

        Assert.Equal(3, await CountAttempts(new RpcException(new Status(StatusCode.Unavailable, "down"))));
        Assert.Equal(1, await CountAttempts(new RpcException(new Status(StatusCode.InvalidArgument, "bad"))));
        Assert.Equal(3, await CountAttempts(new InvalidOperationException("no code")));

        async Task<int> CountAttempts(Exception failure)
        {
            var attempts = 0;
            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => policy.ExecuteAsync(
                _ =>
                {
                    attempts++;
                    return Task.FromException(failure);
                },
                error => error is RpcException rpc ? AttemptOutcome.GrpcFailure(rpc.StatusCode) : AttemptOutcome.Failure,
                CancellationToken.None));
            Assert.Same(failure, thrown);
            return attempts;
        }
    }

    [Fact]
    public async Task Discarded_failed_results_are_disposed_and_the_last_one_returned()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policy = new ResiliencyPolicy("test", retry: new RetryDefinition("r", RetryKind.Constant, "test") { MaxRetries = 2 }, timeProvider: clock);
        var responses = new List<TrackedResponse>();

        var last = await policy.ExecuteAsync(
            _ =>
            {
                var response = new TrackedResponse(500);
                responses.Add(response);
                return Task.FromResult(response);
            },
            response => AttemptOutcome.FromHttpStatus(response.Status),
            CancellationToken.None);

        Assert.Equal(3, responses.Count);
        Assert.Same(responses[2], last);
        Assert.True(responses[0].Disposed);
        Assert.True(responses[1].Disposed);
        Assert.False(last.Disposed);
    }

    [Fact]
    public async Task None_runs_the_attempt_once_and_hands_back_whatever_it_gives()
    {
        var attempts = 0;

        var result = await ResiliencyPolicy.None.ExecuteAsync(_ => Task.FromResult(++attempts * 500), s_httpStatus, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ResiliencyPolicy.None.ExecuteAsync(_ => throw new InvalidOperationException("boom"), CancellationToken.None));

        Assert.Equal(500, result);
        Assert.Equal(1, attempts);
        Assert.True(ResiliencyPolicy.None.IsNone);
    }

    [Fact]
    public async Task Task_overload_retries_thrown_exceptions()
    {
        var clock = new FakeTimeProvider { AutoAdvance = true };
        var policy = new ResiliencyPolicy("test", retry: new RetryDefinition("r", RetryKind.Constant, "test") { MaxRetries = 3 }, timeProvider: clock);
        var attempts = 0;

        await policy.ExecuteAsync(
            _ => ++attempts < 3 ? throw new IOException("flaky") : Task.CompletedTask,
            CancellationToken.None);

        Assert.Equal(3, attempts);
    }

    private sealed class TrackedResponse(int status) : IDisposable
    {
        public int Status { get; } = status;

        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
