using Ecommerce.DaprLocal.Secrets;

namespace Ecommerce.DaprLocal.Tests.Secrets;

public sealed class EnvSecretStoreTests : IDisposable
{
    private readonly string _tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
    private readonly List<string> _variables = [];

    public void Dispose()
    {
        foreach (var variable in _variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Without_prefix_a_variable_reads_as_key_value()
    {
        var name = Set($"ECOM_{_tag}_DB", "s3cret");
        var store = Store();

        Assert.Equal(new Dictionary<string, string> { [name] = "s3cret" }, await store.GetAsync(name, SecretComponents.NoMetadata, CancellationToken.None));
        var bulk = await store.GetBulkAsync(SecretComponents.NoMetadata, CancellationToken.None);
        Assert.Equal(new Dictionary<string, string> { [name] = "s3cret" }, bulk[name]);
    }

    [Fact]
    public async Task A_variable_that_is_not_set_reads_as_empty_as_in_daprd()
    {
        var name = $"ECOM_{_tag}_UNSET";

        Assert.Equal(new Dictionary<string, string> { [name] = "" }, await Store().GetAsync(name, SecretComponents.NoMetadata, CancellationToken.None));
    }

    [Fact]
    public async Task With_prefix_keys_are_looked_up_with_it_and_listed_without_it()
    {
        var prefix = $"SHOP{_tag}_";
        Set(prefix + "DB_PASSWORD", "pw");
        Set(prefix + "API_KEY", "key");
        var unprefixed = Set($"OTHER{_tag}_DB_PASSWORD", "not this");
        var store = Store(("prefix", prefix));

        Assert.Equal(new Dictionary<string, string> { ["DB_PASSWORD"] = "pw" }, await store.GetAsync("DB_PASSWORD", SecretComponents.NoMetadata, CancellationToken.None));
        Assert.Equal("", (await store.GetAsync(unprefixed, SecretComponents.NoMetadata, CancellationToken.None))![unprefixed]);
        var bulk = await store.GetBulkAsync(SecretComponents.NoMetadata, CancellationToken.None);
        Assert.Equal(["API_KEY", "DB_PASSWORD"], bulk.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["API_KEY"] = "key" }, bulk["API_KEY"]);
    }

    [Fact]
    public async Task The_sidecars_own_variables_are_never_exposed()
    {
        var daprVariable = Set($"DAPR_{_tag}_TOKEN", "sidecar");
        var store = Store();

        Assert.Equal("", (await store.GetAsync(daprVariable, SecretComponents.NoMetadata, CancellationToken.None))![daprVariable]);
        var bulk = await store.GetBulkAsync(SecretComponents.NoMetadata, CancellationToken.None);
        Assert.DoesNotContain(bulk.Keys, key => key.StartsWith("DAPR_", StringComparison.OrdinalIgnoreCase) || key == "APP_API_TOKEN");
    }

    private string Set(string name, string value)
    {
        Environment.SetEnvironmentVariable(name, value);
        _variables.Add(name);
        return name;
    }

    private static EnvSecretStore Store(params (string Key, string Value)[] metadata) =>
        new(SecretComponents.Definition("secretstores.local.env", metadata));
}
