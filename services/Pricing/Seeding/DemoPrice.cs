using System.Text;
using Ecommerce.Pricing.Model;

namespace Ecommerce.Pricing.Seeding;

/// <summary>
/// The demo price of a SKU, derived from the SKU alone (FNV-1a of its UTF-8 bytes), so every start
/// and every machine gives the same one: a whole number of euros from 9 to 249 plus 0.90, and on
/// about one SKU in five a compare-at ("was") price 20 to 40 % higher, also ending in .90.
/// </summary>
public static class DemoPrice
{
    public const decimal Lowest = 9.90m;
    public const decimal Highest = 249.90m;

    private const uint Steps = 241; // 9 .. 249 whole euros

    public static SetPriceRequest For(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var hash = Fnv1a(sku);
        var price = 9 + (hash % Steps) + 0.90m;
        var rest = hash / Steps;
        if (rest % 5 != 0)
        {
            return new SetPriceRequest(price);
        }
        var markup = 1.2m + (rest / 5 % 3 * 0.1m);
        var compareAt = decimal.Floor(price * markup) + 0.90m;
        return new SetPriceRequest(price, compareAt);
    }

    private static uint Fnv1a(string value)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash;
    }
}
