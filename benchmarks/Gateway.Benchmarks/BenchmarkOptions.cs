using System.Globalization;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// Command line: <c>--seconds</c> per measurement, <c>--rounds</c>, <c>--clients</c> (closed loop), <c>--rate</c>
/// (open loop, requests/s), <c>--warmup</c> seconds per path before the first round.
/// </summary>
internal sealed record BenchmarkOptions(double Seconds, int Rounds, int Clients, int Rate, double WarmupSeconds)
{
    public TimeSpan Duration => TimeSpan.FromSeconds(Seconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(WarmupSeconds);

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions(Seconds: 3, Rounds: 5, Clients: 16, Rate: 500, WarmupSeconds: 8);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--seconds" => options with { Seconds = double.Parse(value, CultureInfo.InvariantCulture) },
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--clients" => options with { Clients = int.Parse(value, CultureInfo.InvariantCulture) },
                "--rate" => options with { Rate = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup" => options with { WarmupSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]} (known: --seconds, --rounds, --clients, --rate, --warmup)."),
            };
        }
        return options;
    }
}
