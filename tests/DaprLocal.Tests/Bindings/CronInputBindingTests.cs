using System.Text.RegularExpressions;
using System.Threading.Channels;
using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed partial class CronInputBindingTests
{
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Every_second_fires_repeatedly_with_empty_data_and_daprds_metadata()
    {
        await using var binding = Cron("@every 1s", TimeProvider.System);
        var events = Channel.CreateUnbounded<BindingEvent>();
        using var stop = new CancellationTokenSource();
        await binding.InitializeAsync(CancellationToken.None);

        var running = binding.RunAsync((e, token) => events.Writer.WriteAsync(e, token).AsTask(), stop.Token);
        var first = await events.Reader.ReadAsync().AsTask().WaitAsync(Bounded);
        var second = await events.Reader.ReadAsync().AsTask().WaitAsync(Bounded);
        await stop.CancelAsync();
        await running.WaitAsync(Bounded);

        foreach (var e in new[] { first, second })
        {
            Assert.Empty(e.Data);
            Assert.Equal("Local", e.Metadata["timeZone"]);
            Assert.Matches(GoUtcTime(), e.Metadata["readTimeUTC"]);
        }
    }

    [Fact]
    public async Task A_six_field_schedule_fires_at_each_occurrence()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 3, 1, 10, 0, 7, TimeSpan.Zero));
        await using var binding = Cron("*/20 * * * * *", clock);
        var events = Channel.CreateUnbounded<BindingEvent>();
        using var stop = new CancellationTokenSource();

        var running = binding.RunAsync((e, token) => events.Writer.WriteAsync(e, token).AsTask(), stop.Token);
        var (dues, received) = await DeliveriesAsync(clock, events.Reader, 3);
        await stop.CancelAsync();
        await running.WaitAsync(Bounded);

        var occurrences = Enumerable.Range(1, 20).Select(i => new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero).AddSeconds(20 * i)).ToList();
        Assert.Equal(occurrences.Take(dues.Count), dues);
        Assert.Equal("2024-03-01 10:00:20 +0000 UTC", received[0].Metadata["readTimeUTC"]);
        Assert.All(received, e => Assert.Contains(e.Metadata["readTimeUTC"], dues.Select(CronInputBinding.GoTimeText)));
    }

    [Fact]
    public async Task Occurrences_while_an_event_is_still_handled_are_skipped()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var binding = Cron("@every 1s", clock);
        var started = Channel.CreateUnbounded<int>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int deliveries = 0, concurrent = 0, mostConcurrent = 0;
        using var stop = new CancellationTokenSource();

        var running = binding.RunAsync(async (_, token) =>
        {
            var now = Interlocked.Increment(ref concurrent);
            InterlockedMax(ref mostConcurrent, now);
            await started.Writer.WriteAsync(Interlocked.Increment(ref deliveries), token);
            await release.Task.WaitAsync(token);
            Interlocked.Decrement(ref concurrent);
        }, stop.Token);

        await clock.WaitForTimerAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await started.Reader.ReadAsync().AsTask().WaitAsync(Bounded));
        // Two more occurrences while the first event is held: both skipped.
        for (var i = 0; i < 2; i++)
        {
            await clock.WaitForTimerAsync();
            clock.Advance(TimeSpan.FromSeconds(1));
        }
        await clock.WaitForTimerAsync();
        Assert.Equal(1, Volatile.Read(ref deliveries));

        release.SetResult();
        var second = started.Reader.ReadAsync().AsTask().WaitAsync(Bounded);
        // The first event's completion is observed at the next occurrence after it ends.
        for (var i = 0; i < 50 && !second.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await clock.WaitForTimerAsync();
            await Task.WhenAny(second, Task.Delay(20));
        }
        Assert.Equal(2, await second);
        await stop.CancelAsync();
        await running.WaitAsync(Bounded);

        Assert.Equal(1, mostConcurrent);
    }

    [Fact]
    public async Task A_failing_delivery_does_not_stop_the_schedule()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));
        await using var binding = Cron("@every 1m", clock);
        var calls = Channel.CreateUnbounded<BindingEvent>();
        using var stop = new CancellationTokenSource();

        var running = binding.RunAsync(async (e, token) =>
        {
            await calls.Writer.WriteAsync(e, token);
            throw new HttpRequestException("the app answered 500");
        }, stop.Token);
        var (_, received) = await DeliveriesAsync(clock, calls.Reader, 2);
        await stop.CancelAsync();
        await running.WaitAsync(Bounded);

        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task Disposing_stops_the_schedule()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero));
        var binding = Cron("@daily", clock);

        var running = binding.RunAsync((_, _) => Task.CompletedTask, CancellationToken.None);
        await clock.WaitForTimerAsync();
        await binding.DisposeAsync().AsTask().WaitAsync(Bounded);

        await running.WaitAsync(Bounded);
        Assert.True(running.IsCompletedSuccessfully);
    }

    [Theory]
    [InlineData("every minute")]
    [InlineData("0 0 L * *")]
    [InlineData("@every 15")]
    public void An_invalid_schedule_is_refused_naming_it(string schedule)
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => Cron(schedule, TimeProvider.System));

        Assert.Contains($"'{schedule}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("components/bindings.yaml:7", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schedule_is_required() =>
        Assert.Throws<ComponentConfigurationException>(() => new CronInputBinding(BindingComponents.Definition("bindings.cron")));

    /// <summary>
    /// Moves the clock from occurrence to occurrence until <paramref name="count"/> events have come, and
    /// answers the occurrences passed and the events. An occurrence may rightly be skipped: the previous
    /// event's handler has returned (the test saw its event) but the binding may not have seen it end yet.
    /// </summary>
    private static async Task<(List<DateTimeOffset> Dues, List<BindingEvent> Events)> DeliveriesAsync(
        ManualTimeProvider clock, ChannelReader<BindingEvent> events, int count)
    {
        var dues = new List<DateTimeOffset>();
        var received = new List<BindingEvent>();
        for (var attempt = 0; attempt < 20 && received.Count < count; attempt++)
        {
            await clock.WaitForTimerAsync();
            var due = clock.NextDue!.Value;
            dues.Add(due);
            clock.AdvanceTo(due);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                received.Add(await events.ReadAsync(wait.Token));
            }
            catch (OperationCanceledException) when (wait.IsCancellationRequested)
            {
                Assert.True(received.Count > 0, "The first occurrence must always deliver.");
            }
        }
        Assert.Equal(count, received.Count);
        return (dues, received);
    }

    private static CronInputBinding Cron(string schedule, TimeProvider clock) =>
        new(BindingComponents.Definition("bindings.cron", ("schedule", schedule)), clock);

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,9})? \+0000 UTC$")]
    private static partial Regex GoUtcTime();
}
