using System.Globalization;
using System.Runtime.InteropServices;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>What the runner measurement needs from Linux: a process's resident memory and a polite SIGTERM.</summary>
internal static partial class LinuxProcess
{
    private const int SigTerm = 15;

    /// <summary>A field of <c>/proc/&lt;pid&gt;/status</c> given in kB (VmRSS, VmHWM…), in bytes; null when absent.</summary>
    public static long? StatusBytes(int processId, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return null;
    }

    /// <summary>SIGTERM, so that the runner stops its sidecars as it would on Ctrl-C.</summary>
    public static void Terminate(int processId) => _ = Kill(processId, SigTerm);

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int processId, int signal);
}
