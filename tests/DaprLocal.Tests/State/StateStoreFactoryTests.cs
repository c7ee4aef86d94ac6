using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class StateStoreFactoryTests
{
    [Theory]
    [InlineData("state.in-memory")]
    [InlineData("state.sqlite")]
    [InlineData("state.redis")]
    [InlineData("state.postgresql")]
    [InlineData("State.Redis")]
    public void The_implemented_types_are_supported(string type)
    {
        Assert.True(StateStoreFactory.IsSupported(type));
    }

    [Theory]
    [InlineData("state.mongodb")]
    [InlineData("state.cassandra")]
    [InlineData("pubsub.redis")]
    [InlineData("")]
    public void Other_types_are_not_supported(string type)
    {
        Assert.False(StateStoreFactory.IsSupported(type));
    }

    [Fact]
    public void Creating_an_unknown_type_names_the_type_and_the_file()
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => StateStoreFactory.Create(Component("state.mongodb")));

        Assert.Contains("'state.mongodb'", error.Message, StringComparison.Ordinal);
        Assert.Contains("components/store.yaml:3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state.in-memory", "v2")]
    [InlineData("state.redis", "v2")]
    [InlineData("state.postgresql", "v3")]
    public void Versions_that_do_not_exist_are_refused(string type, string version)
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => StateStoreFactory.Create(Component(type, version, ("connectionString", "host=h"), ("redisHost", "h:6379"))));

        Assert.Contains($"version '{version}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state.in-memory", "", typeof(InMemoryStateStore))]
    [InlineData("state.sqlite", "v1", typeof(SqliteStateStore))]
    [InlineData("state.redis", "v1", typeof(RedisStateStore))]
    [InlineData("state.postgresql", "v1", typeof(PostgresStateStore))]
    [InlineData("state.postgresql", "v2", typeof(PostgresStateStore))]
    public async Task Each_type_gets_its_store(string type, string version, Type expected)
    {
        await using var store = StateStoreFactory.Create(Component(type, version, ("connectionString", "host=h"), ("redisHost", "h:6379")));

        Assert.IsType(expected, store);
    }

    [Theory]
    [InlineData("state.sqlite", "connectionString")]
    [InlineData("state.redis", "redisHost")]
    [InlineData("state.postgresql", "connectionString")]
    public void Required_metadata_is_required(string type, string key)
    {
        var error = Assert.Throws<ComponentConfigurationException>(() => StateStoreFactory.Create(Component(type)));

        Assert.Contains($"'{key}' is required", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("state.sqlite", "tableName", "state; DROP TABLE x")]
    [InlineData("state.postgresql", "tableName", "my-table")]
    [InlineData("state.postgresql", "metadataTableName", "a.b.c")]
    [InlineData("state.postgresql", "timeout", "500ms")]
    [InlineData("state.postgresql", "connectionString", "host=h sslmode=often")]
    [InlineData("state.sqlite", "ttlInSeconds", "soon")]
    public void Malformed_metadata_is_refused(string type, string key, string value)
    {
        var component = Component(type, "v1", ("connectionString", "host=h"), (key, value));

        var error = Assert.Throws<ComponentConfigurationException>(() => StateStoreFactory.Create(component));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A component with <paramref name="metadata"/>; a later entry replaces an earlier one of the same name.</summary>
    private static ComponentDefinition Component(string type, string version = "v1", params (string Name, string Value)[] metadata)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in metadata)
        {
            values[name] = value;
        }
        return new ComponentDefinition("store", type, version, values, [], "components/store.yaml", 3);
    }
}
