using System.Text.Json.Nodes;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Subscriptions;

namespace Ecommerce.DaprLocal.Tests.Expressions;

/// <summary>Routing rules: the shared expression library over the variable <c>event</c>.</summary>
public class RouteMatcherTests
{
    private static readonly JsonObject s_event = JsonNode.Parse("""
        {"type": "order.created", "source": "orders", "data": {"total": 250, "coupon": null, "lines": [{"sku": "a"}], "express": true}}
        """)!.AsObject();

    [Theory]
    [InlineData("event.type == \"order.created\"", true)]
    [InlineData("event.type == 'order.shipped'", false)]
    [InlineData("event.data.total > 100", true)]
    [InlineData("event.data.total >= 250.0 && event.data.total < 1e3", true)]
    [InlineData("event.data.total == 250", true)]
    [InlineData("event.data.total > -5", true)]
    [InlineData("event.type < 'p'", true)]
    [InlineData("event.type != 'order.created' || event.source == 'orders'", true)]
    [InlineData("!(event.type == 'order.created')", false)]
    [InlineData("event.data.express", true)]
    [InlineData("!event.data.express", false)]
    [InlineData("event.data.coupon == null", true)]
    [InlineData("event.data.missing == null", true)]
    [InlineData("event.type.nested == null", true)]
    [InlineData("event.data.lines == event.data.lines", true)]
    [InlineData("event.data == null", false)]
    [InlineData("event.type", false)]
    [InlineData("event.data.total > 'a'", false)]
    [InlineData("!(event.data.total > 'a')", false)]
    [InlineData("!event.data.missing", false)]
    [InlineData("true", true)]
    public void Matches_the_cloud_event(string rule, bool expected)
    {
        RouteMatcher.Validate(rule, "test");

        Assert.Equal(expected, RouteMatcher.Matches(rule, s_event));
    }

    [Fact]
    public void Reads_an_event_built_in_code()
    {
        var cloudEvent = new JsonObject { ["type"] = "raw", ["data"] = new JsonObject { ["total"] = 12.5m } };

        Assert.True(RouteMatcher.Matches("event.type == 'raw' && event.data.total == 12.5", cloudEvent));
    }

    [Theory]
    [InlineData("event.type.startsWith('order')")]
    [InlineData("size(event.data.lines) > 0")]
    [InlineData("data.total > 1")]
    [InlineData("event.data.total * 2 > 1")]
    [InlineData("event.type in ['a']")]
    [InlineData("event.data.total > 1 > 0")]
    [InlineData("event.type == 'a")]
    public void Refuses_rules_outside_the_subset_with_the_location(string rule)
    {
        var error = Assert.Throws<ResourceException>(() => RouteMatcher.Validate(rule, "subscription.yaml:7"));

        Assert.Contains($"routing rule '{rule}' is not supported by DaprLocal", error.Message, StringComparison.Ordinal);
    }
}
