using Ecommerce.Contracts;
using Ecommerce.Notification.Model;
using Ecommerce.Notification.Templates;

namespace Ecommerce.Notification.Tests.Unit;

public sealed class PlaceholdersTests
{
    private static readonly string[] Known = ["name", "orderId", "total"];

    [Fact]
    public void Placeholders_are_replaced_spaces_inside_braces_allowed_and_missing_values_are_empty()
    {
        var text = Placeholders.Render("Hi {{name}}, order {{ orderId }} costs {{total}}.", new Dictionary<string, string> { ["name"] = "Ada", ["orderId"] = "o-1" });

        Assert.Equal("Hi Ada, order o-1 costs .", text);
    }

    [Fact]
    public void A_value_that_looks_like_a_placeholder_is_not_expanded_again()
    {
        Assert.Equal("Hi {{total}}", Placeholders.Render("Hi {{name}}", new Dictionary<string, string> { ["name"] = "{{total}}", ["total"] = "1" }));
    }

    [Theory]
    [InlineData("Hi {{name}} {{ orderId }}", null)]
    [InlineData("No placeholder at all", null)]
    [InlineData("Hi {{nmae}}", "Unknown placeholder {{nmae}}")]
    [InlineData("Hi {{order-id}}", "not a placeholder")]
    [InlineData("Hi {{name}", "not a placeholder")]
    [InlineData("Hi }}", "not a placeholder")]
    public void Unknown_and_malformed_placeholders_are_refused(string text, string? problem)
    {
        var found = Placeholders.Check(text, Known);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Header_values_lose_their_line_breaks()
    {
        Assert.Equal("Order 1  Bcc: x@evil.test", Placeholders.SingleLine("Order 1\r\nBcc: x@evil.test"));
    }

    [Fact]
    public void Every_shipped_template_uses_only_its_own_placeholders_and_secret_ones_only_by_email()
    {
        foreach (var definition in TemplateCatalog.All)
        {
            foreach (var template in definition.Defaults.Values)
            {
                foreach (var text in new[] { template.Subject, template.Title, template.Body }.OfType<string>())
                {
                    Assert.Null(Placeholders.Check(text, definition.Placeholders));
                }
                Assert.Empty(new TemplateUpdate(template.Subject, template.Title, template.Body).Validate(definition, template.Channel));
            }
            if (definition.SecretPlaceholders is { Count: > 0 })
            {
                Assert.Equal([DeliveryChannel.Email], definition.Channels);
            }
        }
        Assert.NotNull(TemplateCatalog.Find(Topics.CartAbandoned));
    }
}
