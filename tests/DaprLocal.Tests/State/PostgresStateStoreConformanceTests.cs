using Ecommerce.DaprLocal.State;
using Ecommerce.TestSupport;
using Npgsql;

namespace Ecommerce.DaprLocal.Tests.State;

/// <summary>The local PostgreSQL server; each test has its own state and metadata tables, dropped afterwards.</summary>
public abstract class PostgresStateStoreConformanceTests : StateStoreConformanceTests
{
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..16];

    protected string MetadataTable => $"dapr_metadata_{_suffix}";

    /// <summary>The state table this test's store writes to.</summary>
    protected abstract string StateTable { get; }

    protected string Suffix => _suffix;

    protected override string ComponentType => "state.postgresql";

    protected override Dictionary<string, string> Metadata() => new()
    {
        ["connectionString"] = TestInfrastructure.PostgresConnection,
        ["metadataTableName"] = MetadataTable,
    };

    protected override async Task RemoveTestDataAsync()
    {
        await ScalarAsync($"DROP TABLE IF EXISTS {StateTable}, {MetadataTable}");
    }

    [Fact]
    public async Task A_cleanup_interval_purges_expired_rows()
    {
        var store = await OpenAsync(("cleanupInterval", "200ms"));
        await store.SetAsync(new StateWrite(Key("short"), Bytes("1"), Ttl: TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await ScalarAsync($"SELECT count(*) FROM {StateTable}") is not 0L)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the expired row was not purged within 10 s");
            await Task.Delay(50);
        }
    }

    /// <summary>Runs <paramref name="sql"/> on a pooled connection of the tests' own (not the store's).</summary>
    protected static async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(PostgresConnectionString.ToNpgsql(TestInfrastructure.PostgresConnection));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
