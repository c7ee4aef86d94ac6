using System.Globalization;

namespace Ecommerce.Shipping.Infrastructure;

/// <summary>The state API's per-item expiry (<c>ttlInSeconds</c>), which Cassandra, SQLite, PostgreSQL and Redis honour.</summary>
internal static class StateTimeToLive
{
    /// <summary>Metadata making an item expire <paramref name="remaining"/> from now (at least a second: 0 would mean "never" to some stores).</summary>
    public static Dictionary<string, string> Metadata(TimeSpan remaining) => new()
    {
        ["ttlInSeconds"] = Math.Max(1, (long)Math.Ceiling(remaining.TotalSeconds)).ToString(CultureInfo.InvariantCulture),
    };
}
