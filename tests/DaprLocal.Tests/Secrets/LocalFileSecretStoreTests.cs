using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Secrets;

namespace Ecommerce.DaprLocal.Tests.Secrets;

public sealed class LocalFileSecretStoreTests : IDisposable
{
    private const string Nested = """
        {
          "connectionStrings": { "orders": "Host=db;Password=pw", "catalog": { "primary": "Host=c1" } },
          "smtp": { "user": "mailer", "port": 2525, "tls": true },
          "hosts": ["a.local", "b.local"],
          "apiKey": "k-123",
          "nothing": null
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("secrets-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Flat_keys_read_as_key_value_pairs()
    {
        var store = await StoreAsync("""{ "db-password": "s3cret", "port": 5432, "enabled": false }""");

        Assert.Equal(new Dictionary<string, string> { ["db-password"] = "s3cret" }, await GetAsync(store, "db-password"));
        Assert.Equal(new Dictionary<string, string> { ["port"] = "5432" }, await GetAsync(store, "port"));
        Assert.Equal(new Dictionary<string, string> { ["enabled"] = "false" }, await GetAsync(store, "enabled"));
    }

    [Fact]
    public async Task Nested_objects_and_arrays_flatten_with_the_separator()
    {
        var store = await StoreAsync(Nested);

        Assert.Equal("Host=db;Password=pw", (await GetAsync(store, "connectionStrings:orders"))!["connectionStrings:orders"]);
        Assert.Equal("Host=c1", (await GetAsync(store, "connectionStrings:catalog:primary"))!["connectionStrings:catalog:primary"]);
        Assert.Equal("2525", (await GetAsync(store, "smtp:port"))!["smtp:port"]);
        Assert.Equal("b.local", (await GetAsync(store, "hosts:1"))!["hosts:1"]);
        Assert.Equal("", (await GetAsync(store, "nothing"))!["nothing"]);
        Assert.Null(await GetAsync(store, "connectionStrings"));
    }

    [Fact]
    public async Task A_custom_nested_separator_is_used()
    {
        var store = await StoreAsync(Nested, ("nestedSeparator", "."));

        Assert.Equal("mailer", (await GetAsync(store, "smtp.user"))!["smtp.user"]);
        Assert.Null(await GetAsync(store, "smtp:user"));
    }

    [Fact]
    public async Task Multi_valued_secrets_are_the_children_of_each_top_level_key()
    {
        var store = await StoreAsync(Nested, ("multiValued", "true"));

        Assert.Equal(
            new Dictionary<string, string> { ["orders"] = "Host=db;Password=pw", ["catalog:primary"] = "Host=c1" },
            await GetAsync(store, "connectionStrings"));
        Assert.Equal(new Dictionary<string, string> { ["user"] = "mailer", ["port"] = "2525", ["tls"] = "true" }, await GetAsync(store, "smtp"));
        Assert.Equal(new Dictionary<string, string> { ["apiKey"] = "k-123" }, await GetAsync(store, "apiKey"));
        // daprd keeps only strings and objects at the top of a multi-valued file.
        Assert.Null(await GetAsync(store, "hosts"));
        Assert.Null(await GetAsync(store, "connectionStrings:orders"));
    }

    [Fact]
    public async Task Bulk_returns_every_secret_in_the_shape_get_returns()
    {
        var single = await (await StoreAsync(Nested)).GetBulkAsync(SecretComponents.NoMetadata, CancellationToken.None);
        var multi = await (await StoreAsync(Nested, ("multiValued", "true"))).GetBulkAsync(SecretComponents.NoMetadata, CancellationToken.None);

        Assert.Equal(
            ["apiKey", "connectionStrings:catalog:primary", "connectionStrings:orders", "hosts:0", "hosts:1", "nothing", "smtp:port", "smtp:tls", "smtp:user"],
            single.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, string> { ["hosts:0"] = "a.local" }, single["hosts:0"]);
        Assert.Equal(["apiKey", "connectionStrings", "smtp"], multi.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Host=c1", multi["connectionStrings"]["catalog:primary"]);
    }

    [Fact]
    public async Task A_missing_key_is_null()
    {
        var store = await StoreAsync("""{ "present": "yes" }""");

        Assert.Null(await GetAsync(store, "absent"));
        Assert.Null(await GetAsync(store, "Present"));
    }

    [Fact]
    public async Task A_missing_file_is_refused_naming_the_file()
    {
        var path = Path.Combine(_directory, "nope.json");
        var store = new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file", ("secretsFile", path)));

        var error = await Assert.ThrowsAsync<ComponentConfigurationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("components/secrets.yaml:3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"a\": ")]
    [InlineData("[\"not\", \"an\", \"object\"]")]
    public async Task A_file_that_is_not_a_json_object_is_refused_naming_the_file(string content)
    {
        var path = Write(content);
        var store = new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file", ("secretsFile", path)));

        var error = await Assert.ThrowsAsync<ComponentConfigurationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keys_that_collide_once_flattened_are_refused()
    {
        var store = new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file",
            ("secretsFile", Write("""{ "a:b": "1", "a": { "b": "2" } }"""))));

        var error = await Assert.ThrowsAsync<ComponentConfigurationException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Contains("'a:b'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_file_is_required()
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file")));

        Assert.Contains("secretsFile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_relative_path_resolves_against_the_working_directory()
    {
        var name = $"secrets-{Guid.NewGuid():N}.json";
        var path = Path.Combine(Environment.CurrentDirectory, name);
        await File.WriteAllTextAsync(path, """{ "k": "v" }""");
        try
        {
            var store = new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file", ("secretsFile", name)));
            await store.InitializeAsync(CancellationToken.None);

            Assert.Equal(path, store.SecretsFile);
            Assert.Equal("v", (await GetAsync(store, "k"))!["k"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private async Task<LocalFileSecretStore> StoreAsync(string json, params (string Key, string Value)[] metadata)
    {
        var store = new LocalFileSecretStore(SecretComponents.Definition("secretstores.local.file", [("secretsFile", Write(json)), .. metadata]));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private string Write(string json)
    {
        var path = Path.Combine(_directory, $"{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private static Task<IReadOnlyDictionary<string, string>?> GetAsync(LocalFileSecretStore store, string key) =>
        store.GetAsync(key, SecretComponents.NoMetadata, CancellationToken.None);
}
