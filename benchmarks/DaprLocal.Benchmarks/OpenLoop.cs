using System.Diagnostics;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// An open-loop load generator: operation <c>i</c> is due at <c>start + i / rate</c> whether or
/// not earlier ones have finished, and its latency runs from when it was due — not from when it
/// was actually sent — to its completion. A stall therefore shows in every operation it delays
/// (no coordinated omission), as it would for real clients that keep arriving.
/// </summary>
internal sealed class OpenLoop(int rate)
{
    /// <summary>How long operations still in flight at the end of a run may take before it is declared stuck.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public async Task<LatencySummary> RunAsync(Func<Task> operation, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var run = new Run(operation, (int)Math.Round(rate * duration.TotalSeconds));
        // A dedicated thread: the thread pool is busy with the very operations being measured,
        // and a scheduler queued behind them would issue late exactly when the system is slow.
        var scheduler = new Thread(() => run.Schedule(rate)) { IsBackground = true, Name = "open-loop scheduler" };
        var before = ProcessCost.Now();
        scheduler.Start();
        try
        {
            await run.Completed.WaitAsync(duration + DrainTimeout);
        }
        catch (TimeoutException)
        {
            throw new BenchmarkFailureException($"operations were still running {DrainTimeout.TotalSeconds:0} s after the end of a {duration.TotalSeconds:0.#} s run: the system under test is stuck.");
        }
        return run.Summarize(ProcessCost.Now().Since(before));
    }

    private sealed class Run(Func<Task> operation, int count)
    {
        private readonly long[] _latencies = new long[count];
        private readonly long[] _lateness = new long[count];
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _finished;
        private Exception? _firstFailure;

        public Task Completed => _completed.Task;

        public void Schedule(int rate)
        {
            if (count == 0)
            {
                _completed.TrySetResult();
                return;
            }
            var start = Stopwatch.GetTimestamp();
            var ticksPerOperation = (double)Stopwatch.Frequency / rate;
            for (var index = 0; index < count; index++)
            {
                // Due times come from the start, not from the previous wake-up, so lateness never accumulates.
                var due = start + (long)(index * ticksPerOperation);
                PreciseSleep.Until(due);
                _lateness[index] = Stopwatch.GetTimestamp() - due;
                ThreadPool.UnsafeQueueUserWorkItem(static work => work.Run.Execute(work.Index, work.Due), (Run: this, Index: index, Due: due), preferLocal: false);
            }
        }

        public LatencySummary Summarize(ProcessCost cost) => LatencySummary.From(_latencies, _lateness, cost, _firstFailure?.Message);

        private void Execute(int index, long due) => _ = ExecuteAsync(index, due);

        private async Task ExecuteAsync(int index, long due)
        {
            try
            {
                await operation();
                _latencies[index] = Stopwatch.GetTimestamp() - due;
            }
            catch (Exception error)
            {
                // A failure is counted and reported, not fatal: a sidecar that drops requests
                // under load is itself a finding.
                _latencies[index] = -1;
                Interlocked.CompareExchange(ref _firstFailure, error, null);
            }
            finally
            {
                if (Interlocked.Increment(ref _finished) == count)
                {
                    _completed.TrySetResult();
                }
            }
        }
    }
}
