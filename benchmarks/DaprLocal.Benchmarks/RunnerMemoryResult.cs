namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Resident memory of a real <c>DaprLocal run -f</c> process with idle apps: now (VmRSS) and at
/// its peak (VmHWM, start-up included). <see cref="Error"/> says why it was not measured.
/// </summary>
internal sealed record RunnerMemoryResult(string? Dll, int Sidecars, long? ResidentBytes, long? PeakResidentBytes, string? Error)
{
    public static RunnerMemoryResult NotMeasured(string? dll, int sidecars, string reason) => new(dll, sidecars, null, null, reason);
}
