using System.Diagnostics;
using System.Globalization;
using Ecommerce.CheckoutLoad;
using Ecommerce.Measurement;

// dotnet run -c Release --project tools/CheckoutLoad -- [--rounds 3] [--warmup-rounds 2] [--checkouts 200] [--concurrency 32] [--skus 20]
var options = LoadOptions.Parse(args);
var repository = FindRepository();
#if DEBUG
const string configuration = "Debug";
#else
const string configuration = "Release";
#endif

Console.WriteLine($"Starting the platform ({configuration}, embedded profile, fresh data) ...");
await using var platform = await PlatformUnderLoad.StartAsync(repository, configuration);
var admin = new Api(Api.NewClient());
await admin.SignInAsync("admin@ecommerce.local", platform.AdminPassword);

Console.WriteLine($"Stocking {options.Skus} SKUs with {options.Stock} each and signing up {options.Concurrency} shoppers ...");
var skus = await Storefront.StockSkusAsync(admin, options.Skus, options.Stock);
var shoppers = new List<(Api Shopper, string Card)>();
foreach (var chunk in Enumerable.Range(0, options.Concurrency).Chunk(8))
{
    shoppers.AddRange(await Task.WhenAll(chunk.Select(_ => Storefront.NewShopperAsync())));
}

// The machine's speed in this run: the shoppers reading their (empty) order list through the gateway, closed loop.
var baseline = await GatewayReadsPerSecondAsync(shoppers, TimeSpan.FromSeconds(5));
Console.WriteLine($"Baseline: {baseline:0} gateway reads/s (GET /api/orders, {shoppers.Count} clients)");

var round = new CheckoutRound(shoppers, skus);
var results = new List<RoundResult>();
// Warm-up rounds first, as many checkouts as the measured ones: ten processes compiling their hot paths
// (tiered JIT) on two cores take about a minute of load before the rate stops climbing.
for (var i = 1; i <= options.WarmupRounds; i++)
{
    var warmup = await round.RunAsync(options.Checkouts);
    Console.WriteLine($"Warm-up {i}/{options.WarmupRounds}: {warmup.CheckoutsPerSecond:0.0} checkouts/s");
}
var cpuBefore = ProcessCpu.Read(platform.RunnerId);
for (var i = 1; i <= options.Rounds; i++)
{
    Console.WriteLine($"Round {i}/{options.Rounds}: {options.Checkouts} checkouts, {options.Concurrency} at a time");
    var result = await round.RunAsync(options.Checkouts);
    results.Add(result);
    Console.WriteLine($"  {result.Confirmed} confirmed of {result.Orders.Count} ended ({result.Errors.Count} errors) in {result.Elapsed.TotalSeconds:0.0} s: " +
        $"{result.CheckoutsPerSecond:0.0} checkouts/s, submit→confirmed p50 {result.Percentile(0.50):0} ms, p99 {result.Percentile(0.99):0} ms");
    foreach (var error in result.Errors.Distinct().Take(3))
    {
        Console.WriteLine($"    error: {error}");
    }
}

var cpuAfter = ProcessCpu.Read(platform.RunnerId);

Console.WriteLine("Checking the invariants ...");
var (violations, orders) = await Invariants.CheckAsync(admin, shoppers, skus, options.Stock, options.Settle);

double Median(Func<RoundResult, double> figure) => results.Select(figure).Order().ElementAt(results.Count / 2);
var rate = Median(r => r.CheckoutsPerSecond);
Console.WriteLine();
Console.WriteLine($"Checkouts (median of {results.Count} rounds, {options.Concurrency} shoppers at a time, {Environment.ProcessorCount} cores):");
Console.WriteLine($"  {rate:0.0} checkouts/s   p50 {Median(r => r.Percentile(0.50)):0} ms   p99 {Median(r => r.Percentile(0.99)):0} ms   (submit → Confirmed)");
Console.WriteLine($"  baseline {baseline:0} gateway reads/s in the same run: one checkout costs {baseline / rate:0.0} gateway reads");
Console.WriteLine($"  outcomes: {string.Join(", ", orders.GroupBy(o => o.Status).Select(g => $"{g.Key} {g.Count()}"))}");
var measuredCheckouts = results.Sum(r => r.Orders.Count);
var cpuPerCheckout = cpuAfter.Keys.Intersect(cpuBefore.Keys)
    .Select(process => (Process: process, Milliseconds: (cpuAfter[process] - cpuBefore[process]).TotalMilliseconds / measuredCheckouts))
    .OrderByDescending(entry => entry.Milliseconds)
    .ToList();
var cpuTotal = cpuPerCheckout.Sum(entry => entry.Milliseconds);
Console.WriteLine($"  CPU per checkout over the measured rounds: {cpuTotal:0} ms in all; " +
    string.Join(", ", cpuPerCheckout.Select(entry => $"{entry.Process} {entry.Milliseconds:0.0} ms ({entry.Milliseconds / cpuTotal:P0})")));
Console.WriteLine(violations.Count == 0
    ? $"Invariants: all hold over {orders.Count} orders (every order ended; stock conserved, nothing reserved; captured = fulfilled totals)."
    : $"Invariants: {violations.Count} VIOLATED:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", violations.Take(20)));
return violations.Count == 0 ? 0 : 1;

static async Task<double> GatewayReadsPerSecondAsync(IReadOnlyList<(Api Shopper, string Card)> shoppers, TimeSpan duration)
{
    var count = 0;
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(shoppers.Select(shopper => Task.Run(async () =>
    {
        while (clock.Elapsed < duration)
        {
            await shopper.Shopper.GetAsync("api/orders?page=1&pageSize=1");
            Interlocked.Increment(ref count);
        }
    })));
    return count / clock.Elapsed.TotalSeconds;
}

static string FindRepository()
{
    for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "dapr.yaml")))
        {
            return directory.FullName;
        }
    }
    throw new InvalidOperationException("dapr.yaml not found above " + AppContext.BaseDirectory.ToString(CultureInfo.InvariantCulture));
}
