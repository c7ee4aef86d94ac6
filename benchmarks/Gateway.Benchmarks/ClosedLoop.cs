using System.Diagnostics;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>Maximum throughput: <c>clients</c> callers, each sending its next request as soon as the last one is answered.</summary>
internal static class ClosedLoop
{
    public static async Task<(double RequestsPerSecond, long Answered, long Failures)> RunAsync(Func<Task<bool>> request, int clients, TimeSpan duration)
    {
        long succeeded = 0;
        long failed = 0;
        var watch = Stopwatch.StartNew();
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                if (await request())
                {
                    Interlocked.Increment(ref succeeded);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return (succeeded / watch.Elapsed.TotalSeconds, succeeded, failed);
    }
}
