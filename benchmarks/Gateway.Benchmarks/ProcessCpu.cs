using System.Diagnostics;
using System.Globalization;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// The CPU time the benchmark's processes have used, read before and after a measurement: divided by the
/// requests answered it says what one request costs each process, which is where a path's throughput goes
/// when every process shares the same two cores.
/// </summary>
internal sealed class ProcessCpu(IReadOnlyList<(string Name, int ProcessId)> processes)
{
    public IReadOnlyList<string> Names { get; } = [.. processes.Select(process => process.Name)];

    public TimeSpan[] Read() => [.. processes.Select(process =>
    {
        using var running = Process.GetProcessById(process.ProcessId);
        return running.TotalProcessorTime;
    })];

    /// <summary>The child of <paramref name="parentId"/> whose command line names <paramref name="assembly"/> (an app the runner started).</summary>
    public static int ChildRunning(int parentId, string assembly)
    {
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                continue;
            }
            try
            {
                // /proc/<id>/stat: "id (name) state ppid ..."; the name may hold spaces, so read after its ')'.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                if (parent == parentId && File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(assembly, StringComparison.Ordinal))
                {
                    return id;
                }
            }
            catch (IOException)
            {
                // The process ended while being looked at.
            }
        }
        throw new InvalidOperationException($"No process started by {parentId} runs {assembly}.");
    }
}
