using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ecommerce.DaprLocal.State;

/// <summary>
/// Compares JSON values the way state queries need: numbers by value (<c>1</c> equals <c>1.0</c>),
/// strings ordinally, and a fixed order across kinds so that sorting is total and stable.
/// </summary>
internal static class StateJsonComparer
{
    /// <summary>EQ / NEQ / IN: same kind and same value.</summary>
    public static bool ValueEquals(JsonNode? left, JsonNode? right)
    {
        var leftKind = KindOf(left);
        if (leftKind != KindOf(right))
        {
            return false;
        }
        return leftKind switch
        {
            JsonValueKind.Null => true,
            JsonValueKind.Number => CompareNumbers(left!, right!) == 0,
            JsonValueKind.String => string.Equals(left!.GetValue<string>(), right!.GetValue<string>(), StringComparison.Ordinal),
            _ => JsonNode.DeepEquals(left, right),
        };
    }

    /// <summary>GT / GTE / LT / LTE: a comparison between two numbers or two strings; null for anything else.</summary>
    public static int? CompareOrdered(JsonNode? left, JsonNode? right) => (KindOf(left), KindOf(right)) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => CompareNumbers(left!, right!),
        (JsonValueKind.String, JsonValueKind.String) => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()),
        _ => null,
    };

    /// <summary>
    /// Sort order of a field: booleans, numbers, strings, objects and arrays, JSON null, then a
    /// missing field last (as PostgreSQL sorts NULL last in ascending order).
    /// </summary>
    public static int CompareForSort(bool leftFound, JsonNode? left, bool rightFound, JsonNode? right)
    {
        var byRank = SortRank(leftFound, left).CompareTo(SortRank(rightFound, right));
        if (byRank != 0 || !leftFound || !rightFound)
        {
            return byRank;
        }
        return KindOf(left) switch
        {
            JsonValueKind.True or JsonValueKind.False => left!.GetValue<bool>().CompareTo(right!.GetValue<bool>()),
            JsonValueKind.Number => CompareNumbers(left!, right!),
            JsonValueKind.String => string.CompareOrdinal(left!.GetValue<string>(), right!.GetValue<string>()),
            JsonValueKind.Object or JsonValueKind.Array => string.CompareOrdinal(left!.ToJsonString(), right!.ToJsonString()),
            _ => 0,
        };
    }

    private static int SortRank(bool found, JsonNode? node) => !found ? 5 : KindOf(node) switch
    {
        JsonValueKind.True or JsonValueKind.False => 0,
        JsonValueKind.Number => 1,
        JsonValueKind.String => 2,
        JsonValueKind.Object or JsonValueKind.Array => 3,
        _ => 4,
    };

    private static JsonValueKind KindOf(JsonNode? node) => node?.GetValueKind() switch
    {
        null => JsonValueKind.Null,
        JsonValueKind.False => JsonValueKind.True,
        var kind => kind.Value,
    };

    // Decimal keeps 0.1 and integers beyond 2^53 exact; numbers outside its range fall back to
    // double, and the few beyond double's (1e400) to their text, so that the order stays total.
    private static int CompareNumbers(JsonNode left, JsonNode right)
    {
        var leftValue = left.AsValue();
        var rightValue = right.AsValue();
        if (leftValue.TryGetValue<decimal>(out var leftDecimal) && rightValue.TryGetValue<decimal>(out var rightDecimal))
        {
            return leftDecimal.CompareTo(rightDecimal);
        }
        if (leftValue.TryGetValue<double>(out var leftDouble) && rightValue.TryGetValue<double>(out var rightDouble))
        {
            return leftDouble.CompareTo(rightDouble);
        }
        return string.CompareOrdinal(left.ToJsonString(), right.ToJsonString());
    }
}
