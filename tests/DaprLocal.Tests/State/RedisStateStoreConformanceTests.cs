using Ecommerce.DaprLocal.State;
using Ecommerce.TestSupport;
using StackExchange.Redis;

namespace Ecommerce.DaprLocal.Tests.State;

/// <summary>The local Redis server, in a database of its own (15); each test deletes the keys under its prefix.</summary>
public sealed class RedisStateStoreConformanceTests : StateStoreConformanceTests
{
    private const int Database = 15;

    protected override string ComponentType => "state.redis";

    protected override StateStoreFeatures ExpectedFeatures =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    protected override string? MalformedETag => "not-a-number";

    protected override Dictionary<string, string> Metadata() => new()
    {
        ["redisHost"] = TestInfrastructure.RedisHost,
        ["redisDB"] = Database.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override async Task RemoveTestDataAsync()
    {
        await using var connection = await ConnectAsync();
        var server = connection.GetServers().Single();
        var keys = server.Keys(Database, $"*{App}*").ToArray();
        await connection.GetDatabase(Database).KeyDeleteAsync(keys);
    }

    [Fact]
    public async Task Items_are_hashes_with_data_and_an_integer_version()
    {
        var store = await OpenAsync();
        var key = Key("hash");

        await store.SetAsync(new StateWrite(key, Bytes("first")), CancellationToken.None);
        await store.SetAsync(new StateWrite(key, Bytes("second")), CancellationToken.None);

        await using var connection = await ConnectAsync();
        var hash = (await connection.GetDatabase(Database).HashGetAllAsync(key)).ToDictionary(entry => (string)entry.Name!, entry => (string)entry.Value!);
        Assert.Equal(new Dictionary<string, string> { ["data"] = "second", ["version"] = "2" }, hash);
        Assert.Equal("2", (await store.GetAsync(key, CancellationToken.None))!.ETag);
    }

    private static Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync($"{TestInfrastructure.RedisHost},allowAdmin=true");
}
