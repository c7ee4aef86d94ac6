using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

public sealed class PostgresV2StateStoreConformanceTests : PostgresStateStoreConformanceTests
{
    private string TablePrefix => $"t{Suffix}_";

    protected override string Version => "v2";

    protected override string StateTable => TablePrefix + "state";

    protected override StateStoreFeatures ExpectedFeatures =>
        StateStoreFeatures.ETag | StateStoreFeatures.Transactional | StateStoreFeatures.Ttl;

    protected override string? MalformedETag => "not-a-uuid";

    protected override Dictionary<string, string> Metadata()
    {
        var metadata = base.Metadata();
        metadata["tablePrefix"] = TablePrefix;
        return metadata;
    }

    [Fact]
    public async Task Etags_are_uuids()
    {
        var store = await OpenAsync();
        await store.SetAsync(new StateWrite(Key("item"), Bytes("1")), CancellationToken.None);

        Assert.True(Guid.TryParse((await store.GetAsync(Key("item"), CancellationToken.None))!.ETag, out _));
    }
}
