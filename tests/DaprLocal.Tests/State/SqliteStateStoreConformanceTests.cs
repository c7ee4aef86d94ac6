using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.State;
using Microsoft.Data.Sqlite;

namespace Ecommerce.DaprLocal.Tests.State;

/// <summary>Each test gets a database file of its own in a temporary directory, deleted afterwards.</summary>
public sealed class SqliteStateStoreConformanceTests : StateStoreConformanceTests
{
    private readonly string _directory = Directory.CreateTempSubdirectory("daprlocal-state-").FullName;

    private string DatabaseFile => Path.Combine(_directory, "state.db");

    protected override string ComponentType => "state.sqlite";

    protected override StateStoreFeatures ExpectedFeatures =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    protected override string? MalformedETag => null;

    protected override Dictionary<string, string> Metadata() => new() { ["connectionString"] = DatabaseFile, ["tableName"] = "items" };

    protected override Task RemoveTestDataAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_database_is_in_wal_mode_and_in_daprds_layout()
    {
        await OpenAsync();

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        Assert.Equal("wal", await ScalarAsync(connection, "PRAGMA journal_mode"));
        Assert.Equal("key,value,is_binary,etag,expiration_time,update_time", await ScalarAsync(connection, "SELECT group_concat(name) FROM pragma_table_info('items')"));
        Assert.Equal("1", await ScalarAsync(connection, "SELECT value FROM metadata WHERE key = 'migrations'"));
    }

    [Fact]
    public async Task With_disable_wal_the_database_keeps_a_rollback_journal()
    {
        await OpenAsync(("disableWAL", "true"));

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        Assert.Equal("delete", await ScalarAsync(connection, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task A_cleanup_interval_purges_expired_rows()
    {
        var store = await OpenAsync(("cleanupInterval", "200ms"));
        await store.SetAsync(new StateWrite(Key("short"), Bytes("1"), Ttl: TimeSpan.FromMilliseconds(300)), CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (await ScalarAsync(connection, "SELECT count(*) FROM items") != "0")
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "the expired row was not purged within 10 s");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task A_file_uri_with_daprd_driver_options_opens_the_file()
    {
        var store = await OpenAsync(("connectionString", $"file:{DatabaseFile}?_txlock=immediate&cache=private"));

        await store.SetAsync(new StateWrite(Key("item"), Bytes("1")), CancellationToken.None);

        Assert.True(File.Exists(DatabaseFile));
        Assert.Equal(Bytes("1"), (await store.GetAsync(Key("item"), CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Pragmas_in_the_connection_string_run_on_the_stores_connections()
    {
        // user_version is kept in the file, so another connection can see that the store's connection ran the pragma.
        var store = await OpenAsync(("connectionString", $"file:{DatabaseFile}?_pragma=synchronous(NORMAL)&_pragma=user_version(7)&cache=private"));

        await store.SetAsync(new StateWrite(Key("item"), Bytes("1")), CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={DatabaseFile};Pooling=false");
        await connection.OpenAsync();
        Assert.Equal("7", await ScalarAsync(connection, "PRAGMA user_version"));
        Assert.Equal(Bytes("1"), (await store.GetAsync(Key("item"), CancellationToken.None))!.Value);
    }

    [Theory]
    [InlineData("busy_timeout(100)", "busyTimeout")]
    [InlineData("journal_mode(DELETE)", "disableWAL")]
    [InlineData("foreign_keys(1)", "foreign_keys")]
    [InlineData("synchronous(NORMAL);DROP TABLE items", "name(value)")]
    public async Task Pragmas_daprd_sets_itself_or_that_are_not_pragmas_are_refused(string pragma, string named)
    {
        var error = await Assert.ThrowsAsync<ComponentConfigurationException>(() =>
            OpenAsync(("connectionString", $"file:{DatabaseFile}?_pragma={Uri.EscapeDataString(pragma)}")));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_in_memory_database_works_through_its_one_connection()
    {
        var store = await OpenAsync(("connectionString", ":memory:"));

        await Task.WhenAll(Enumerable.Range(0, 10).Select(index =>
            store.SetAsync(new StateWrite(Key($"item{index}"), Bytes($"{index}")), CancellationToken.None)));

        Assert.Equal(Bytes("7"), (await store.GetAsync(Key("item7"), CancellationToken.None))!.Value);
        Assert.False(File.Exists(DatabaseFile));
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
