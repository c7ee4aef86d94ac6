using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Sleeps until a <see cref="Stopwatch"/> timestamp with sub-millisecond accuracy and without
/// spinning. At 1,000 ops/s the gap between two requests is 1 ms, while <see cref="Thread.Sleep(int)"/>
/// and .NET timers only resolve whole milliseconds: they would bunch requests together. Spinning
/// instead would take one of the machine's two cores away from the code being measured. Linux's
/// <c>nanosleep</c> wakes within tens of microseconds; elsewhere the whole-millisecond sleep is used.
/// </summary>
internal static partial class PreciseSleep
{
    public static void Until(long timestamp)
    {
        while (true)
        {
            var remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }
            var nanoseconds = (long)(remaining * (1e9 / Stopwatch.Frequency));
            if (OperatingSystem.IsLinux())
            {
                var request = new Timespec(nanoseconds / 1_000_000_000, nanoseconds % 1_000_000_000);
                // An early return (a signal) just goes round the loop again.
                _ = NanoSleep(in request, IntPtr.Zero);
            }
            else
            {
                Thread.Sleep(TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, nanoseconds / 100)));
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(in Timespec request, IntPtr remaining);

    /// <summary>struct timespec on 64-bit Linux: time_t and long are both 64 bits.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct Timespec(long Seconds, long Nanoseconds);
}
