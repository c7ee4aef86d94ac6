using System.Diagnostics;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// What a run cost this process: CPU time (the clients, the in-process sidecars and, for
/// invocation, the app) and garbage collections with their pauses. On a 2-core machine at a fixed
/// rate these explain tail latency: CPU per operation decides how often requests queue behind one
/// another, and a collection pauses every thread, the scheduler's included.
/// </summary>
internal readonly record struct ProcessCost(TimeSpan Cpu, int Collections, TimeSpan GcPause)
{
    public static ProcessCost Now()
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessCost(process.TotalProcessorTime, GC.CollectionCount(0), GC.GetTotalPauseDuration());
    }

    /// <summary>The cost between two readings (gen0 counts include the gen1/gen2 collections).</summary>
    public ProcessCost Since(ProcessCost earlier) => new(Cpu - earlier.Cpu, Collections - earlier.Collections, GcPause - earlier.GcPause);
}
