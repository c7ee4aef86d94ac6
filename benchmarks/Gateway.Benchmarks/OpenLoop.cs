using System.Diagnostics;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// A fixed arrival schedule: request <c>i</c> is due at <c>start + i / rate</c> whether or not earlier
/// ones have finished, and its latency runs from when it was due to its answer — so a stall counts
/// against every request it delays (no coordinated omission).
/// </summary>
internal static class OpenLoop
{
    public static async Task<(double P50Ms, double P99Ms, long Failures)> RunAsync(Func<Task<bool>> request, int rate, TimeSpan duration)
    {
        var count = (int)Math.Round(rate * duration.TotalSeconds);
        var latencies = new double[count];
        var inFlight = new Task[count];
        long failed = 0;
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        // The schedule runs on a thread of its own: the thread pool is busy with what is measured.
        var scheduler = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < count; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                WaitUntil(due);
                var index = i;
                inFlight[index] = Task.Run(async () =>
                {
                    if (!await request())
                    {
                        Interlocked.Increment(ref failed);
                    }
                    latencies[index] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                });
            }
        }) { IsBackground = true, Name = "open-loop schedule" };
        scheduler.Start();
        await Task.Run(scheduler.Join);
        await Task.WhenAll(inFlight);
        Array.Sort(latencies);
        return (Percentile(latencies, 0.50), Percentile(latencies, 0.99), failed);
    }

    public static double Percentile(double[] sorted, double percentile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(percentile * sorted.Length) - 1)];

    /// <summary>Sleeps in whole milliseconds while far from the due time, then yields until it.</summary>
    private static void WaitUntil(long due)
    {
        while (true)
        {
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }
            if (remaining > TimeSpan.FromMilliseconds(1.5))
            {
                Thread.Sleep(1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }
}
