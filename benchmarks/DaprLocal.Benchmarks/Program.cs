using System.Globalization;
using System.Net.Sockets;
using System.Runtime;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>
/// Measures what DaprLocal adds: state get/save and service invocation through sidecars against
/// the same operations done directly, at a fixed open-loop rate, in one run on one machine; then
/// the memory of idle sidecars. Prints a table and a summary; exits 0 whatever the figures (it is
/// a measurement, not a test), 1 when the benchmark could not run, 2 on a bad command line.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // Figures are printed with '.' decimals whatever the machine's locale.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

        if (args.Any(arg => arg is "--help" or "-h"))
        {
            Console.Out.WriteLine(BenchmarkOptions.Usage);
            return 0;
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine($"DaprLocal.Benchmarks: {error.Message}");
            Console.Error.WriteLine(BenchmarkOptions.Usage);
            return 2;
        }

        try
        {
            await RunAsync(options);
            return 0;
        }
        catch (BenchmarkFailureException error)
        {
            Console.Error.WriteLine($"DaprLocal.Benchmarks could not run: {error.Message}");
            return 1;
        }
    }

    private static async Task RunAsync(BenchmarkOptions options)
    {
        var progress = Console.Error;
        var redisHost = options.Runs("state") ? await RequireRedisAsync() : null;
        PrintHeader(options, redisHost);
        var report = new Report(options);

        // Memory first, while the process holds nothing else.
        if (options.Runs("memory"))
        {
            report.Add(await IdleSidecarsMemory.MeasureAsync(options.IdleSidecars, options.Settle, progress));
        }
        if (options.Runs("runner"))
        {
            var dll = options.DaprLocalDll ?? RepositoryLayout.DaprLocalDll();
            report.Add(await RunnerProcessMemory.MeasureAsync(dll, options.IdleSidecars, options.Settle, progress));
        }

        using var shared = new SharedRuntime();
        var pairs = new PairedRun(new OpenLoop(options.Rate), options, progress);
        if (redisHost is not null)
        {
            await using var redis = await DirectRedisState.ConnectAsync(redisHost);
            await using var state = await StateBenchmark.StartAsync(redisHost, redis, shared);
            report.Add(await pairs.RunAsync("state get", 1, state.GetViaDaprLocalAsync, state.GetDirectAsync));
            report.Add(await pairs.RunAsync("state save", 1, state.SaveViaDaprLocalAsync, state.SaveDirectAsync));
        }
        if (options.Runs("invoke"))
        {
            await using var invocation = await InvocationBenchmark.StartAsync(shared);
            report.Add(await pairs.RunAsync("invoke", InvocationBenchmark.Hops, invocation.ViaDaprLocalAsync, invocation.DirectAsync));
        }
        if (options.Runs("actors"))
        {
            await using var actors = await ActorBenchmark.StartAsync(shared);
            foreach (var scenario in await actors.RunAsync(new ClosedLoop(options.ActorCallers), options.Warmup, options.Duration, progress))
            {
                report.Add(scenario);
            }
        }

        if (options.Runs("workflows"))
        {
            await using var workflows = await WorkflowBenchmark.StartAsync(shared);
            foreach (var level in await workflows.RunAsync(options.WorkflowConcurrency, options.Warmup, options.Duration, progress))
            {
                report.Add(level);
            }
        }

        report.Print(Console.Out, MachineLoad.Describe());
    }

    /// <summary>
    /// Fails fast, before a minute of other measurements, when the state part cannot run: the
    /// variable is missing or nothing accepts connections at the address.
    /// </summary>
    private static async Task<string> RequireRedisAsync()
    {
        var host = Environment.GetEnvironmentVariable("ECOMMERCE_REDIS_HOST") is { Length: > 0 } value
            ? value
            : throw new BenchmarkFailureException(
                "ECOMMERCE_REDIS_HOST is not set. Run scripts/ensure-infrastructure.sh and `set -a; . ~/.local/state/ecommerce/infrastructure.env; set +a`, or pass --only invoke,memory,runner.");
        var separator = host.LastIndexOf(':');
        var (name, port) = separator > 0 && int.TryParse(host.AsSpan(separator + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
            ? (host[..separator], parsed)
            : (host, 6379);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(name, port).WaitAsync(TimeSpan.FromSeconds(3));
        }
        catch (Exception error) when (error is SocketException or TimeoutException)
        {
            throw new BenchmarkFailureException(
                $"Redis at {host} (ECOMMERCE_REDIS_HOST) is unreachable: {error.Message}. Run scripts/ensure-infrastructure.sh to start it.", error);
        }
        return host;
    }

    private static void PrintHeader(BenchmarkOptions options, string? redisHost)
    {
        Console.Out.WriteLine("DaprLocal benchmark: each operation through DaprLocal and directly, in the same run");
        Console.Out.WriteLine(
            $"  machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
            $".NET {Environment.Version}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {RepositoryLayout.BuildConfiguration} build");
        Console.Out.WriteLine(
            $"  load: open loop at {options.Rate} ops/s; warm-up {options.Warmup.TotalSeconds:0.#} s per variant; " +
            $"{options.Duration.TotalSeconds:0.#} s measured per variant in {options.Rounds} alternating rounds");
        if (options.Runs("actors"))
        {
            Console.Out.WriteLine(
                $"  actors: closed loop, {options.ActorCallers} concurrent callers; warm-up {options.Warmup.TotalSeconds:0.#} s and " +
                $"{options.Duration.TotalSeconds:0.#} s measured per scenario");
        }
        if (options.Runs("workflows"))
        {
            Console.Out.WriteLine(
                $"  workflows: closed loop at {string.Join('/', options.WorkflowConcurrency)} instances in flight; warm-up {options.Warmup.TotalSeconds:0.#} s and " +
                $"{options.Duration.TotalSeconds:0.#} s measured per level, then the persistence floor for {options.Duration.TotalSeconds:0.#} s");
        }
        Console.Out.WriteLine($"  sidecars and clients share this process (as with the runner); Redis: {redisHost ?? "not used"}");
        Console.Out.WriteLine($"  at start: {MachineLoad.Describe()}");
        // Building this program (dotnet run) already raises the 1-minute average to about 1; a
        // value at the number of cores means something else keeps the machine saturated.
        if (MachineLoad.OneMinute() >= Environment.ProcessorCount)
        {
            Console.Out.WriteLine("  WARNING: the machine is already busy; p99 and max will mostly measure that contention.");
        }
        if (RepositoryLayout.BuildConfiguration != "Release")
        {
            Console.Out.WriteLine("  WARNING: not a Release build; latencies are not representative (dotnet run -c Release).");
        }
    }
}
