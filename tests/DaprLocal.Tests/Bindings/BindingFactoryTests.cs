using Ecommerce.DaprLocal.Bindings;
using Ecommerce.DaprLocal.Resources;

namespace Ecommerce.DaprLocal.Tests.Bindings;

public sealed class BindingFactoryTests
{
    [Theory]
    [InlineData("bindings.cron", true)]
    [InlineData("bindings.localstorage", true)]
    [InlineData("bindings.smtp", true)]
    [InlineData("Bindings.SMTP", true)]
    [InlineData("bindings.kafka", false)]
    [InlineData("state.redis", false)]
    public void Knows_the_types_it_runs(string type, bool supported) =>
        Assert.Equal(supported, BindingFactory.IsSupported(type));

    [Fact]
    public async Task Creates_each_binding_on_its_side()
    {
        await using var cron = BindingFactory.CreateInput(BindingComponents.Definition("bindings.cron", ("schedule", "@daily")));
        await using var storage = BindingFactory.CreateOutput(BindingComponents.Definition("bindings.localstorage", ("rootPath", "files")));
        await using var smtp = BindingFactory.CreateOutput(BindingComponents.Definition("bindings.smtp", ("host", "localhost")));

        Assert.IsType<CronInputBinding>(cron);
        Assert.IsType<LocalStorageOutputBinding>(storage);
        Assert.IsType<SmtpOutputBinding>(smtp);
    }

    [Fact]
    public void An_input_only_binding_cannot_be_an_output()
    {
        var error = Assert.Throws<ComponentConfigurationException>(
            () => BindingFactory.CreateOutput(BindingComponents.Definition("bindings.cron", ("schedule", "@daily"))));

        Assert.Contains("input binding only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_only_binding_cannot_be_an_input()
    {
        var error = Assert.Throws<ComponentConfigurationException>(
            () => BindingFactory.CreateInput(BindingComponents.Definition("bindings.smtp", ("host", "localhost"))));

        Assert.Contains("output binding only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direction_must_include_the_side_asked_for()
    {
        var inputOnly = BindingComponents.Definition("bindings.localstorage", ("rootPath", "files"), ("direction", "input"));
        var both = BindingComponents.Definition("bindings.localstorage", ("rootPath", "files"), ("direction", "Input, Output"));

        var error = Assert.Throws<ComponentConfigurationException>(() => BindingFactory.CreateOutput(inputOnly));
        await using var binding = BindingFactory.CreateOutput(both);

        Assert.Contains("does not include output", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_direction_is_refused() =>
        Assert.Throws<ComponentConfigurationException>(
            () => BindingFactory.CreateInput(BindingComponents.Definition("bindings.cron", ("schedule", "@daily"), ("direction", "inbound"))));

    [Fact]
    public void An_unsupported_type_is_refused_naming_it()
    {
        var error = Assert.Throws<ComponentConfigurationException>(
            () => BindingFactory.CreateOutput(BindingComponents.Definition("bindings.kafka")));

        Assert.Contains("bindings.kafka", error.Message, StringComparison.Ordinal);
    }
}
