using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ecommerce.DaprLocal.Expressions;

/// <summary>
/// A value an expression computes or reads. An evaluation error (division by zero, overflow, an operator
/// applied to a value it has no meaning for) is not a value: the evaluator gives null instead, which the
/// logical operators may still outweigh, as CEL's error values. Record equality is structural; CEL's
/// equality (1 == 1.0, maps member by member) is <see cref="Equal"/>.
/// </summary>
public abstract record CelValue
{
    public static CelValue Null { get; } = new CelNull();

    public static CelValue True { get; } = new CelBool(true);

    public static CelValue False { get; } = new CelBool(false);

    public static CelValue Of(bool value) => value ? True : False;

    /// <summary>
    /// A JSON node as daprd's CEL sees a decoded document: every number is a double, objects are maps
    /// and arrays are lists.
    /// </summary>
    public static CelValue FromJson(JsonNode? node) => node switch
    {
        null => Null,
        JsonObject map => new CelMap(map),
        JsonArray list => new CelList(list),
        _ => FromElement(node.AsValue()),
    };

    /// <summary>
    /// CEL equality, which never fails: numbers by value whatever their type (1 == 1.0), strings
    /// ordinally, maps and lists member by member, and values of different types are unequal.
    /// </summary>
    public static bool Equal(CelValue left, CelValue right) => (left, right) switch
    {
        (CelInt l, CelInt r) => l.Value == r.Value,
        (CelInt or CelDouble, CelInt or CelDouble) => ToDouble(left) == ToDouble(right),
        (CelBool l, CelBool r) => l.Value == r.Value,
        (CelString l, CelString r) => string.Equals(l.Value, r.Value, StringComparison.Ordinal),
        (CelNull, CelNull) => true,
        (CelMap l, CelMap r) => l.Entries.Count == r.Entries.Count && l.Entries.All(entry =>
            r.Entries.TryGetPropertyValue(entry.Key, out var other) && Equal(FromJson(entry.Value), FromJson(other))),
        (CelList l, CelList r) => l.Items.Count == r.Items.Count
            && l.Items.Zip(r.Items).All(pair => Equal(FromJson(pair.First), FromJson(pair.Second))),
        _ => false,
    };

    internal static double ToDouble(CelValue number) => number is CelInt integer ? integer.Value : ((CelDouble)number).Value;

    private static CelValue FromElement(JsonValue value)
    {
        // A value built in code (not parsed) holds a CLR object; its JSON text is what an expression sees.
        var element = value.TryGetValue<JsonElement>(out var parsed) ? parsed : JsonElement.Parse(value.ToJsonString());
        return element.ValueKind switch
        {
            JsonValueKind.Number => new CelDouble(element.GetDouble()),
            JsonValueKind.String => new CelString(element.GetString()!),
            JsonValueKind.True => True,
            JsonValueKind.False => False,
            JsonValueKind.Object => new CelMap(JsonObject.Create(element)!),
            JsonValueKind.Array => new CelList(JsonArray.Create(element)!),
            _ => Null,
        };
    }
}

public sealed record CelNull : CelValue;

public sealed record CelBool(bool Value) : CelValue;

/// <summary>CEL's <c>int</c>: 64 bits, where overflow is an error rather than a wrap.</summary>
public sealed record CelInt(long Value) : CelValue;

public sealed record CelDouble(double Value) : CelValue;

public sealed record CelString(string Value) : CelValue;

/// <summary>A JSON object read from a document; equality compares it member by member.</summary>
public sealed record CelMap(JsonObject Entries) : CelValue;

/// <summary>A JSON array read from a document; equality compares it item by item.</summary>
public sealed record CelList(JsonArray Items) : CelValue;
