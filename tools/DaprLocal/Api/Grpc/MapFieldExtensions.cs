using Google.Protobuf.Collections;

namespace Ecommerce.DaprLocal.Api.Grpc;

internal static class MapFieldExtensions
{
    /// <summary>Copies entries into a protobuf map (its own Add wants a mutable dictionary).</summary>
    public static void AddEntries(this MapField<string, string> map, IEnumerable<KeyValuePair<string, string>> entries)
    {
        foreach (var (key, value) in entries)
        {
            map[key] = value;
        }
    }
}
