using System.Globalization;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// The command line. Durations are per variant: <c>--duration 10</c> measures DaprLocal for 10 s
/// and the direct baseline for 10 s, each split into <see cref="Rounds"/> alternating slices.
/// </summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        Usage: DaprLocal.Benchmarks [options]
          --rate <ops/s>        open-loop request rate (default 1000)
          --duration <time>     measured time per variant, e.g. 10, 10s, 500ms (default 10s)
          --warmup <time>       warm-up per variant before measuring (default 10s)
          --rounds <n>          alternating DaprLocal/direct rounds the duration is split into (default 5)
          --sidecars <n>        idle sidecars for the memory measurement (default 12)
          --settle <time>       how long idle sidecars run before memory is read (default 5s)
          --only <parts>        comma-separated subset of: state,invoke,memory,runner,actors,workflows (default all)
          --actor-callers <n>   concurrent closed-loop callers in the actor part (default 32)
          --workflow-concurrency <list>  concurrent workflow instances per level in the workflow part (default 1,10,50,100)
          --daprlocal-dll <p>   Ecommerce.DaprLocal.dll for the runner child process (default: found in tools/DaprLocal/bin)
        Needs ECOMMERCE_REDIS_HOST (source ~/.local/state/ecommerce/infrastructure.env) for the state part.
        """;

    private static readonly string[] AllParts = ["state", "invoke", "memory", "runner", "actors", "workflows"];

    public int Rate { get; init; } = 1000;

    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// 10 s, not 3: on a 2-core machine the first gRPC path (Kestrel HTTP/2, the SDK's channel)
    /// is still being recompiled by the tiered JIT after 3 s — the first measured round then cost
    /// a third more CPU per operation than the later ones and its tail showed it.
    /// </summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(10);

    public int Rounds { get; init; } = 5;

    public int IdleSidecars { get; init; } = 12;

    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(5);

    public IReadOnlySet<string> Parts { get; init; } = new HashSet<string>(AllParts, StringComparer.Ordinal);

    public string? DaprLocalDll { get; init; }

    /// <summary>Concurrent callers of the actor part's closed loop (it measures throughput, not a fixed rate).</summary>
    public int ActorCallers { get; init; } = 32;

    /// <summary>The workflow part's levels: how many instances are in flight at once in each closed-loop run.</summary>
    public IReadOnlyList<int> WorkflowConcurrency { get; init; } = [1, 10, 50, 100];

    public bool Runs(string part) => Parts.Contains(part);

    /// <summary>Parses the flags; a malformed one throws <see cref="ArgumentException"/> naming it.</summary>
    public static BenchmarkOptions Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new BenchmarkOptions();
        for (var i = 0; i < arguments.Count; i++)
        {
            var flag = arguments[i];
            string Value() => i + 1 < arguments.Count ? arguments[++i] : throw new ArgumentException($"{flag} needs a value.");
            options = flag switch
            {
                "--rate" => options with { Rate = PositiveInt(flag, Value()) },
                "--duration" => options with { Duration = Time(flag, Value()) },
                "--warmup" => options with { Warmup = Time(flag, Value(), allowZero: true) },
                "--rounds" => options with { Rounds = PositiveInt(flag, Value()) },
                "--sidecars" => options with { IdleSidecars = PositiveInt(flag, Value()) },
                "--settle" => options with { Settle = Time(flag, Value(), allowZero: true) },
                "--only" => options with { Parts = PartsOf(Value()) },
                "--actor-callers" => options with { ActorCallers = PositiveInt(flag, Value()) },
                "--workflow-concurrency" => options with { WorkflowConcurrency = [.. Value().Split(',').Select(level => PositiveInt(flag, level.Trim()))] },
                "--daprlocal-dll" => options with { DaprLocalDll = Path.GetFullPath(Value()) },
                _ => throw new ArgumentException($"unknown argument '{flag}'."),
            };
        }
        if (options.Duration.TotalSeconds * options.Rate / options.Rounds < 100)
        {
            // Fewer samples than that per round make a p99 meaningless.
            throw new ArgumentException("--duration × --rate / --rounds must give at least 100 operations per round.");
        }
        return options;
    }

    private static int PositiveInt(string flag, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{flag} must be a positive integer, not '{text}'.");

    private static TimeSpan Time(string flag, string text, bool allowZero = false)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : (text, 1.0);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || (value <= 0 && !allowZero))
        {
            throw new ArgumentException($"{flag} must be a duration such as 10, 10s or 500ms, not '{text}'.");
        }
        return TimeSpan.FromSeconds(value * unit);
    }

    private static HashSet<string> PartsOf(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = parts.Except(AllParts).ToList();
        return unknown.Count == 0 && parts.Count > 0
            ? parts
            : throw new ArgumentException($"--only takes {string.Join(',', AllParts)}; '{text}' is not that.");
    }
}
