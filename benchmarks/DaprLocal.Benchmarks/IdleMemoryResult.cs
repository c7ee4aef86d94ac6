namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Memory of idle sidecars started in this process: before any, with the first one (which also
/// pays for loading ASP.NET Core, gRPC and the components once), and with all of them.
/// </summary>
internal sealed record IdleMemoryResult(int Sidecars, MemorySnapshot Before, MemorySnapshot WithFirst, MemorySnapshot WithAll)
{
    /// <summary>What each sidecar after the first adds: the marginal cost of one more app.</summary>
    public double MarginalWorkingSetBytes => Sidecars > 1 ? (WithAll.WorkingSetBytes - WithFirst.WorkingSetBytes) / (double)(Sidecars - 1) : double.NaN;

    public double MarginalManagedHeapBytes => Sidecars > 1 ? (WithAll.ManagedHeapBytes - WithFirst.ManagedHeapBytes) / (double)(Sidecars - 1) : double.NaN;
}
