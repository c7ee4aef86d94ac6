using System.Diagnostics;
using System.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// This process's memory right after a full, compacting, blocking collection: the working set
/// (resident memory, VmRSS on Linux), the live managed objects and the memory the GC keeps committed.
/// </summary>
internal readonly record struct MemorySnapshot(long WorkingSetBytes, long ManagedHeapBytes, long GcCommittedBytes)
{
    public static MemorySnapshot AfterFullCollection()
    {
        // Twice: objects with finalizers are only freed by the collection after their finalizer ran.
        for (var pass = 0; pass < 2; pass++)
        {
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(process.WorkingSet64, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo(GCKind.Any).TotalCommittedBytes);
    }
}
