using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class PostgresV1StateStoreConformanceTests : PostgresStateStoreConformanceTests
{
    protected override string StateTable => $"state_{Suffix}";

    protected override StateStoreFeatures ExpectedFeatures =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl | StateStoreFeatures.Query;

    protected override string? MalformedETag => "not-a-number";

    protected override Dictionary<string, string> Metadata()
    {
        var metadata = base.Metadata();
        metadata["tableName"] = StateTable;
        return metadata;
    }

    [Fact]
    public async Task Json_that_postgres_prints_back_unchanged_is_stored_as_jsonb_and_the_rest_as_base64()
    {
        var store = await OpenAsync();
        await store.SetAsync(new StateWrite(Key("canonical"), Bytes("""{"a": 1}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("compact"), Bytes("""{"a":1}""")), CancellationToken.None);

        Assert.Equal("""{"a": 1}""", await ScalarAsync($"SELECT value::text FROM {StateTable} WHERE key = '{Key("canonical")}' AND NOT isbinary"));
        Assert.Equal($"\"{Convert.ToBase64String(Bytes("""{"a":1}"""))}\"", await ScalarAsync($"SELECT value::text FROM {StateTable} WHERE key = '{Key("compact")}' AND isbinary"));
        Assert.Equal("2", await ScalarAsync($"SELECT value FROM {MetadataTable} WHERE key = 'migrations'"));
    }
}
