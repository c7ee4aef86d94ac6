using System.Net;
using System.Runtime.InteropServices;
using Ecommerce.Gateway.Benchmarks;
using Ecommerce.Measurement;

// Build, then run (Release: it launches the services' and DaprLocal's Release build outputs):
//   dotnet build benchmarks/Gateway.Benchmarks -c Release && dotnet benchmarks/Gateway.Benchmarks/bin/Release/net10.0/Ecommerce.Gateway.Benchmarks.dll [--seconds 3] [--rounds 5] [--clients 16] [--rate 500] [--warmup 8]
//
// One product read two ways, alternating in every round so that machine noise hits both alike:
// straight from catalog (client → catalog), and through the gateway (client → gateway → its sidecar →
// catalog's sidecar → catalog). For context, a third path is the same hops without the gateway
// (client → gateway's sidecar → catalog's sidecar → catalog): what the sidecars alone cost. Per path: closed-loop throughput with N clients and open-loop latency
// at a fixed arrival rate; medians over the rounds. A measurement, not a test: it exits 0 whatever the figures.
// As in production (and ./run.sh), catalog, the gateway and DaprLocal's runner (their sidecars) are
// processes of their own: this one holds only the load generator and the JWKS stand-in for identity.
var options = BenchmarkOptions.Parse(args);
const double TargetRatio = 0.5;
const double TargetP99Ms = 20;

var repositoryRoot = FindRepositoryRoot();
Console.WriteLine($"Starting catalog and the gateway, each its own process beside a DaprLocal sidecar ({options.Rounds} rounds, {options.Seconds:0.#} s per measurement, {options.Clients} clients, {options.Rate} requests/s open loop)");

// Ctrl-C or SIGTERM: stop the runner (and so the services) and delete the temporary files; a second Ctrl-C ends at once.
using var stopping = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
try
{
    await using var system = await BenchmarkSystem.StartAsync(repositoryRoot, stopping.Token);
    await MeasureAsync(system, options).WaitAsync(stopping.Token);
}
catch (OperationCanceledException) when (stopping.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted: catalog, the gateway and their sidecars are stopped.");
    return 130;
}
catch (InvalidOperationException error)
{
    Console.Error.WriteLine(error.Message);
    return 1;
}
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = !stopping.IsCancellationRequested;
    stopping.Cancel();
}

static async Task MeasureAsync(BenchmarkSystem system, BenchmarkOptions options)
{
    using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, ActivityHeadersPropagator = null };
    using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    var direct = new Uri(system.CatalogAddress, $"api/catalog/products/{system.ProductId}");
    var throughGateway = new Uri(system.GatewayAddress, $"api/catalog/products/{system.ProductId}");
    Func<Task<bool>> Read(Uri uri) => async () =>
    {
        try
        {
            using var response = await http.GetAsync(uri, HttpCompletionOption.ResponseContentRead);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    };
    var sidecarsOnly = new Uri(system.GatewaySidecarAddress, $"v1.0/invoke/catalog/method/api/catalog/products/{system.ProductId}");
    var paths = new (string Name, Func<Task<bool>> Request)[] { ("direct", Read(direct)), ("gateway", Read(throughGateway)), ("sidecars", Read(sidecarsOnly)) };

    // Warm-up: JIT tiers of three freshly started processes, connection pools, the sidecars' name lookups.
    // Two seconds per path left the first round well below the others.
    foreach (var (_, request) in paths)
    {
        await ClosedLoop.RunAsync(request, options.Clients, options.Warmup);
    }

    var results = paths.ToDictionary(path => path.Name, _ => new PathResults());
    for (var round = 1; round <= options.Rounds; round++)
    {
        // Alternate which path goes first, so neither always runs on a warmer or cooler machine.
        var order = round % 2 == 1 ? paths : [.. paths.Reverse()];
        foreach (var (name, request) in order)
        {
            var before = ProcessCpu.Read(system.RunnerId);
            var (rps, answered, failures) = await ClosedLoop.RunAsync(request, options.Clients, options.Duration);
            var after = ProcessCpu.Read(system.RunnerId);
            results[name].Throughput.Add(rps);
            results[name].Failures += failures;
            foreach (var process in PathResults.Processes)
            {
                results[name].CpuPerRequest[process].Add((after[process] - before[process]).TotalMicroseconds / Math.Max(answered, 1));
            }
        }
        foreach (var (name, request) in order)
        {
            var (p50, p99, failures) = await OpenLoop.RunAsync(request, options.Rate, options.Duration);
            results[name].P50.Add(p50);
            results[name].P99.Add(p99);
            results[name].Failures += failures;
        }
        Console.WriteLine($"round {round}: " + string.Join("; ", paths.Select(path =>
            $"{path.Name} {results[path.Name].Throughput[^1]:N0} rps, p50/p99 {results[path.Name].P50[^1]:F2}/{results[path.Name].P99[^1]:F2} ms")));
    }

    Console.WriteLine();
    Console.WriteLine($"{"path",-10} {"closed-loop rps (median)",26} {$"p50 @ {options.Rate}/s (ms)",18} {$"p99 @ {options.Rate}/s (ms)",18} {"failed",8}");
    foreach (var (name, _) in paths)
    {
        var result = results[name];
        Console.WriteLine($"{name,-10} {Median(result.Throughput),26:N0} {Median(result.P50),18:F2} {Median(result.P99),18:F2} {result.Failures,8}");
    }
    Console.WriteLine();
    Console.WriteLine($"CPU per request in the closed loop (µs, medians; the processes share {Environment.ProcessorCount} cores):");
    Console.WriteLine($"{"path",-10} " + string.Join(" ", PathResults.Processes.Select(process => $"{process,12}")) + $" {"total",12}");
    foreach (var (name, _) in paths)
    {
        var perProcess = PathResults.Processes.Select(process => Median(results[name].CpuPerRequest[process])).ToArray();
        Console.WriteLine($"{name,-10} " + string.Join(" ", perProcess.Select(cpu => $"{cpu,12:F0}")) + $" {perProcess.Sum(),12:F0}");
    }
    var ratio = Median(results["gateway"].Throughput) / Median(results["direct"].Throughput);
    var gatewayP99 = Median(results["gateway"].P99);
    Console.WriteLine();
    Console.WriteLine($"Throughput ratio gateway/direct: {ratio:F2} (target ≥ {TargetRatio}): {(ratio >= TargetRatio ? "met" : "NOT MET")}");
    Console.WriteLine($"Sidecar hops alone / direct: {Median(results["sidecars"].Throughput) / Median(results["direct"].Throughput):F2}; gateway / sidecar hops alone: {Median(results["gateway"].Throughput) / Median(results["sidecars"].Throughput):F2}");
    Console.WriteLine($"Gateway p99 at {options.Rate} requests/s: {gatewayP99:F2} ms (target < {TargetP99Ms} ms): {(gatewayP99 < TargetP99Ms ? "met" : "NOT MET")}; direct (baseline): {Median(results["direct"].P99):F2} ms");
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string FindRepositoryRoot()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "Ecommerce.sln")))
        {
            return directory.FullName;
        }
    }
    throw new InvalidOperationException("Run the benchmark from inside the repository (Ecommerce.sln not found above the program).");
}

/// <summary>Per-round figures of one path.</summary>
internal sealed class PathResults
{
    /// <summary>The processes whose CPU time per request is shown, as <see cref="ProcessCpu"/> names them.</summary>
    public static readonly string[] Processes = ["load program", "daprlocal", "gateway", "catalog"];

    /// <summary>Per process (<see cref="ProcessCpu"/>'s names): its CPU time per answered request in each round, in µs.</summary>
    public Dictionary<string, List<double>> CpuPerRequest { get; } = Processes.ToDictionary(process => process, _ => new List<double>());

    public List<double> Throughput { get; } = [];

    public List<double> P50 { get; } = [];

    public List<double> P99 { get; } = [];

    public long Failures { get; set; }
}
