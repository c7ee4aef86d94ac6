using System.Text;

namespace Ecommerce.Inventory.Seeding;

/// <summary>
/// How many demo units a SKU gets from the catalog import: a stable hash of the SKU (FNV-1a, the
/// same on every machine and run), about one SKU in eight at 0 so "out of stock" shows too, the
/// others 1 to 40.
/// </summary>
public static class DemoStock
{
    public const int MaxQuantity = 40;

    public static int QuantityFor(string sku)
    {
        ArgumentNullException.ThrowIfNull(sku);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(sku))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return hash % 8 == 0 ? 0 : 1 + (int)(hash / 8 % MaxQuantity);
    }
}
