using System.Globalization;

namespace Ecommerce.CheckoutLoad;

/// <summary>
/// Command line: <c>--rounds</c> measured, <c>--warmup-rounds</c> before them, <c>--checkouts</c> per round, <c>--concurrency</c> (shoppers checking out at
/// once, each its own account), <c>--skus</c> the load spreads over, <c>--stock</c> per SKU, <c>--settle</c>
/// seconds to wait for the last sagas before checking the invariants.
/// </summary>
internal sealed record LoadOptions(int Rounds, int WarmupRounds, int Checkouts, int Concurrency, int Skus, int Stock, double SettleSeconds)
{
    public TimeSpan Settle => TimeSpan.FromSeconds(SettleSeconds);

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions(Rounds: 3, WarmupRounds: 2, Checkouts: 200, Concurrency: 32, Skus: 20, Stock: 100_000, SettleSeconds: 120);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--rounds" => options with { Rounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--warmup-rounds" => options with { WarmupRounds = int.Parse(value, CultureInfo.InvariantCulture) },
                "--checkouts" => options with { Checkouts = int.Parse(value, CultureInfo.InvariantCulture) },
                "--concurrency" => options with { Concurrency = int.Parse(value, CultureInfo.InvariantCulture) },
                "--skus" => options with { Skus = int.Parse(value, CultureInfo.InvariantCulture) },
                "--stock" => options with { Stock = int.Parse(value, CultureInfo.InvariantCulture) },
                "--settle" => options with { SettleSeconds = double.Parse(value, CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"Unknown option {args[i]} (known: --rounds, --warmup-rounds, --checkouts, --concurrency, --skus, --stock, --settle)."),
            };
        }
        return options;
    }
}
