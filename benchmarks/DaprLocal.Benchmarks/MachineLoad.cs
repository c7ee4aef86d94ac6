namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The load average of the machine, printed at the start and the end of a run: figures taken while
/// something else kept both cores busy are read differently from figures taken on a quiet machine.
/// </summary>
internal static class MachineLoad
{
    /// <summary>The 1-minute load average, or null where it cannot be read.</summary>
    public static double? OneMinute()
    {
        const string LoadAverage = "/proc/loadavg";
        return File.Exists(LoadAverage) && double.TryParse(File.ReadAllText(LoadAverage).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
    }

    public static string Describe()
    {
        const string LoadAverage = "/proc/loadavg";
        if (!File.Exists(LoadAverage))
        {
            return "load average unknown";
        }
        var fields = File.ReadAllText(LoadAverage).Split(' ');
        return $"load average {fields[0]} / {fields[1]} / {fields[2]} (1 / 5 / 15 min) on {Environment.ProcessorCount} cores";
    }
}
