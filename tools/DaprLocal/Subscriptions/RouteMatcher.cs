using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Expressions;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Subscriptions;

/// <summary>
/// Evaluates subscription routing rules: <see cref="CelExpression"/> over the one variable daprd declares,
/// <c>event</c> (the CloudEvent), e.g. <c>event.type == "order.created" &amp;&amp; event.data.total &gt; 100</c>.
/// Whatever is outside that subset is refused when the subscription is loaded, never mis-evaluated at
/// delivery time.
/// </summary>
public static class RouteMatcher
{
    // daprd declares 'event' as a map of dynamic values: the type of a field is known only when an event arrives.
    private static readonly CelDialect s_dialect = new(path => path[0] == "event" ? CelType.Dyn : null, "event");

    public static void Validate(string expression, string location)
    {
        try
        {
            CelExpression.Parse(expression, s_dialect);
        }
        catch (FormatException error)
        {
            throw new ResourceException(location, $"routing rule '{expression}' is not supported by DaprLocal: {error.Message}");
        }
    }

    /// <summary>Whether <paramref name="expression"/> holds for the CloudEvent <paramref name="cloudEvent"/>.</summary>
    public static bool Matches(string expression, JsonObject cloudEvent) =>
        CelExpression.Parse(expression, s_dialect).IsTrue(path => Read(cloudEvent, path));

    // A missing field (or a field of something that is not an object) reads as null, so that
    // 'event.data.coupon == null' tests for absence, where daprd's evaluation would fail.
    private static CelValue Read(JsonObject cloudEvent, IReadOnlyList<string> path)
    {
        JsonNode? current = cloudEvent;
        foreach (var segment in path.Skip(1))
        {
            current = current is JsonObject obj && obj.TryGetPropertyValue(segment, out var next) ? next : null;
        }
        return CelValue.FromJson(current);
    }
}
