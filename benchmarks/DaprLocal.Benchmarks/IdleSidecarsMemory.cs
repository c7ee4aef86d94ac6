using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Starts idle sidecars in this process as the runner does (one shared runtime, the embedded
/// profile each, no app), lets them settle and reads memory after a full collection. Run first,
/// while the process holds nothing else, so that "with all" is close to what a runner holds.
/// </summary>
internal static class IdleSidecarsMemory
{
    public static async Task<IdleMemoryResult> MeasureAsync(int count, TimeSpan settle, TextWriter progress)
    {
        var before = MemorySnapshot.AfterFullCollection();
        using var root = new TempDirectory("daprlocal-bench-idle-");
        using var shared = new SharedRuntime();
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var sidecars = new List<BenchmarkSidecar>();
        try
        {
            var withFirst = before;
            for (var index = 1; index <= count; index++)
            {
                var resources = EmbeddedProfile.Write(root.Combine($"app-{index}"));
                sidecars.Add(await BenchmarkSidecar.StartAsync($"bench-idle-{suffix}-{index}", resources, null, shared));
                if (index == 1)
                {
                    await Task.Delay(settle);
                    withFirst = MemorySnapshot.AfterFullCollection();
                }
            }
            progress.WriteLine($"[memory] {count} idle sidecars started in-process; settling {settle.TotalSeconds:0.#} s");
            await Task.Delay(settle);
            return new IdleMemoryResult(count, before, withFirst, MemorySnapshot.AfterFullCollection());
        }
        finally
        {
            foreach (var sidecar in Enumerable.Reverse(sidecars))
            {
                await sidecar.DisposeAsync();
            }
        }
    }
}
