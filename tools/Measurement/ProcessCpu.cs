using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Ecommerce.Measurement;

/// <summary>
/// The CPU time each process of a running platform has used: DaprLocal's runner (every sidecar and the workflow
/// engine), each app it started, and the measuring program itself. Read before and after a measurement, it says what
/// one operation costs each process, which is where the throughput goes when they all share the same cores. One
/// source file, linked into the programs that measure (the checkout load program, the gateway benchmark).
/// </summary>
internal static partial class ProcessCpu
{
    public static Dictionary<string, TimeSpan> Read(int runnerId)
    {
        var usage = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
        {
            ["daprlocal"] = TimeOf(runnerId),
            ["load program"] = TimeOf(Environment.ProcessId),
        };
        // Linux lists a process's children in /proc/<pid>/task/<tid>/children; the apps are the runner's.
        foreach (var task in Directory.EnumerateDirectories($"/proc/{runnerId}/task"))
        {
            foreach (var child in File.ReadAllText(Path.Combine(task, "children")).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var id = int.Parse(child, CultureInfo.InvariantCulture);
                if (AppAssembly().Match(File.ReadAllText($"/proc/{id}/cmdline")) is { Success: true } app)
                {
                    usage[app.Groups["name"].Value.ToLowerInvariant()] = TimeOf(id);
                }
            }
        }
        return usage;
    }

    private static TimeSpan TimeOf(int processId)
    {
        using var process = Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

    [GeneratedRegex(@"Ecommerce\.(?<name>\w+)\.dll")]
    private static partial Regex AppAssembly();
}
