using System.Text;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.State;

namespace Ecommerce.DaprLocal.Tests.State;

/// <summary>
/// The behaviour every <see cref="IStateStore"/> shares, run once per store by a subclass that says
/// how to configure it. Each test works under its own key prefix (and each subclass gives it its
/// own file, table or key space), so tests run side by side without seeing each other's data.
/// </summary>
public abstract class StateStoreConformanceTests : IAsyncLifetime
{
    private static readonly TimeSpan _expiryDeadline = TimeSpan.FromSeconds(10);

    private readonly List<IStateStore> _stores = [];

    /// <summary>The app id in this test's keys (<c>App||key</c>): unique per test.</summary>
    protected string App { get; } = "app" + Guid.NewGuid().ToString("N")[..12];

    protected abstract string ComponentType { get; }

    protected virtual string Version => "v1";

    protected abstract StateStoreFeatures ExpectedFeatures { get; }

    /// <summary>An ETag outside the store's format, or null when any string can be an ETag.</summary>
    protected abstract string? MalformedETag { get; }

    /// <summary>The component metadata for this test's store: connection, and a table or file of its own.</summary>
    protected abstract Dictionary<string, string> Metadata();

    /// <summary>Removes what this test stored (tables, files, keys) once its stores are disposed.</summary>
    protected virtual Task RemoveTestDataAsync() => Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }
        await RemoveTestDataAsync();
    }

    protected async Task<IStateStore> OpenAsync(params (string Name, string Value)[] extraMetadata)
    {
        var metadata = new Dictionary<string, string>(Metadata(), StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in extraMetadata)
        {
            metadata[name] = value;
        }
        var store = StateStoreFactory.Create(new ComponentDefinition("statestore", ComponentType, Version, metadata, [], "components/statestore.yaml", 1));
        _stores.Add(store);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    protected string Key(string name) => $"{App}||{name}";

    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public async Task Store_reports_its_features()
    {
        var store = await OpenAsync();

        Assert.Equal(ExpectedFeatures, store.Features);
    }

    [Fact]
    public async Task Get_of_a_missing_key_returns_null()
    {
        var store = await OpenAsync();

        Assert.Null(await store.GetAsync(Key("missing"), CancellationToken.None));
    }

    public static TheoryData<string, byte[]> Values => new()
    {
        { "compact JSON object", Bytes("""{"name":"Widget","price":9.5,"tags":["a","b"]}""") },
        { "JSON as PostgreSQL would print it", Bytes("""{"a": 1, "b": [1, 2]}""") },
        { "JSON string", Bytes("\"hello\"") },
        { "JSON number", Bytes("42") },
        { "JSON with escapes", Bytes("""{"text":"caf\u00e9 \"quoted\" \\ \ud83d\ude00","nul":"\u0000"}""") },
        { "JSON with spacing and duplicate keys", Bytes("{ \"a\" : 1 ,\n \"a\": 2 }") },
        { "plain text", Bytes("not json at all") },
        { "UTF-8 text with a BOM", [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}'] },
        { "binary", [0x00, 0xFF, 0xFE, 0x80, 0x7F, 0x0A, 0x00] },
        { "invalid UTF-8 inside JSON quotes", [(byte)'"', 0xC3, 0x28, (byte)'"'] },
        { "empty", [] },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task Set_then_get_returns_the_same_bytes(string description, byte[] value)
    {
        var store = await OpenAsync();
        var key = Key("round-trip");

        await store.SetAsync(new StateWrite(key, value), CancellationToken.None);
        var item = await store.GetAsync(key, CancellationToken.None);

        Assert.NotNull(item);
        Assert.True(value.AsSpan().SequenceEqual(item.Value), $"{description}: stored {Convert.ToHexString(value)}, read {Convert.ToHexString(item.Value)}");
        Assert.Equal(key, item.Key);
        Assert.False(string.IsNullOrEmpty(item.ETag));
        Assert.Null(item.ExpiresAt);
    }

    [Fact]
    public async Task Every_write_makes_a_new_etag()
    {
        var store = await OpenAsync();
        var key = Key("versioned");
        var etags = new List<string>();

        for (var write = 0; write < 3; write++)
        {
            await store.SetAsync(new StateWrite(key, Bytes($"\"v{write}\"")), CancellationToken.None);
            etags.Add((await store.GetAsync(key, CancellationToken.None))!.ETag);
        }

        Assert.Equal(3, etags.Distinct().Count());
    }

    [Fact]
    public async Task Set_with_the_current_etag_succeeds_and_a_stale_one_is_a_mismatch()
    {
        var store = await OpenAsync();
        var key = Key("conditional");
        await store.SetAsync(new StateWrite(key, Bytes("1")), CancellationToken.None);
        var first = (await store.GetAsync(key, CancellationToken.None))!.ETag;

        await store.SetAsync(new StateWrite(key, Bytes("2"), first), CancellationToken.None);
        var stale = await Assert.ThrowsAsync<ETagMismatchException>(() => store.SetAsync(new StateWrite(key, Bytes("3"), first), CancellationToken.None));

        Assert.Contains(key, stale.Message, StringComparison.Ordinal);
        Assert.Equal(Bytes("2"), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Set_with_an_etag_for_a_missing_key_is_a_mismatch()
    {
        var store = await OpenAsync();
        var etagOfAnotherKey = await EtagOfNewItemAsync(store, Key("other"));

        await Assert.ThrowsAsync<ETagMismatchException>(() => store.SetAsync(new StateWrite(Key("missing"), Bytes("1"), etagOfAnotherKey), CancellationToken.None));

        Assert.Null(await store.GetAsync(Key("missing"), CancellationToken.None));
    }

    [Fact]
    public async Task A_malformed_etag_is_invalid_where_the_store_has_an_etag_format_else_a_mismatch()
    {
        var store = await OpenAsync();
        var key = Key("malformed");
        await store.SetAsync(new StateWrite(key, Bytes("1")), CancellationToken.None);
        var etag = MalformedETag ?? "no-such-etag";

        var write = Record.ExceptionAsync(() => store.SetAsync(new StateWrite(key, Bytes("2"), etag), CancellationToken.None));
        var delete = Record.ExceptionAsync(() => store.DeleteAsync(new StateDelete(key, etag), CancellationToken.None));

        var expected = MalformedETag is null ? typeof(ETagMismatchException) : typeof(ETagInvalidException);
        Assert.IsType(expected, await write);
        Assert.IsType(expected, await delete);
        Assert.Equal(Bytes("1"), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task An_empty_etag_counts_as_none()
    {
        var store = await OpenAsync();
        var key = Key("empty-etag");

        await store.SetAsync(new StateWrite(key, Bytes("1"), ""), CancellationToken.None);
        await store.DeleteAsync(new StateDelete(key, ""), CancellationToken.None);

        Assert.Null(await store.GetAsync(key, CancellationToken.None));
    }

    [Fact]
    public async Task First_write_without_etag_succeeds_only_while_the_key_is_absent()
    {
        var store = await OpenAsync();
        var key = Key("first");

        await store.SetAsync(new StateWrite(key, Bytes("1"), Concurrency: StateConcurrency.FirstWrite), CancellationToken.None);
        await Assert.ThrowsAsync<ETagMismatchException>(() =>
            store.SetAsync(new StateWrite(key, Bytes("2"), Concurrency: StateConcurrency.FirstWrite), CancellationToken.None));
        Assert.Equal(Bytes("1"), (await store.GetAsync(key, CancellationToken.None))!.Value);

        await store.DeleteAsync(new StateDelete(key), CancellationToken.None);
        await store.SetAsync(new StateWrite(key, Bytes("3"), Concurrency: StateConcurrency.FirstWrite), CancellationToken.None);
        Assert.Equal(Bytes("3"), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task First_write_with_the_current_etag_overwrites()
    {
        var store = await OpenAsync();
        var key = Key("first-with-etag");
        var etag = await EtagOfNewItemAsync(store, key);

        await store.SetAsync(new StateWrite(key, Bytes("2"), etag, StateConcurrency.FirstWrite), CancellationToken.None);

        Assert.Equal(Bytes("2"), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Delete_checks_the_etag_and_a_missing_key_without_etag_is_fine()
    {
        var store = await OpenAsync();
        var key = Key("deleted");
        var etag = await EtagOfNewItemAsync(store, key);
        await store.SetAsync(new StateWrite(key, Bytes("2"), etag), CancellationToken.None);

        await Assert.ThrowsAsync<ETagMismatchException>(() => store.DeleteAsync(new StateDelete(key, etag), CancellationToken.None));
        Assert.NotNull(await store.GetAsync(key, CancellationToken.None));

        var current = (await store.GetAsync(key, CancellationToken.None))!.ETag;
        await store.DeleteAsync(new StateDelete(key, current), CancellationToken.None);
        Assert.Null(await store.GetAsync(key, CancellationToken.None));

        await store.DeleteAsync(new StateDelete(key), CancellationToken.None);
        await Assert.ThrowsAsync<ETagMismatchException>(() => store.DeleteAsync(new StateDelete(key, current), CancellationToken.None));
    }

    [Fact]
    public async Task An_item_with_a_ttl_expires_and_then_counts_as_absent()
    {
        var store = await OpenAsync();
        var renewed = Key("renewed");
        var expiring = Key("expiring");
        // "renewed" first: its original expiry passes before "expiring"'s does.
        await store.SetAsync(new StateWrite(renewed, Bytes("1"), Ttl: TimeSpan.FromSeconds(1)), CancellationToken.None);
        await store.SetAsync(new StateWrite(renewed, Bytes("2")), CancellationToken.None);
        var before = DateTimeOffset.UtcNow;
        await store.SetAsync(new StateWrite(expiring, Bytes("1"), Ttl: TimeSpan.FromSeconds(1)), CancellationToken.None);

        var item = await store.GetAsync(expiring, CancellationToken.None);
        Assert.NotNull(item);
        Assert.InRange(item.ExpiresAt!.Value, before, before.AddSeconds(3));
        var etag = item.ETag;

        await WaitUntilGoneAsync(store, expiring);

        Assert.Equal(Bytes("2"), (await store.GetAsync(renewed, CancellationToken.None))!.Value);
        Assert.Null((await store.GetAsync(renewed, CancellationToken.None))!.ExpiresAt);
        await Assert.ThrowsAsync<ETagMismatchException>(() => store.SetAsync(new StateWrite(expiring, Bytes("2"), etag), CancellationToken.None));
        await Assert.ThrowsAsync<ETagMismatchException>(() => store.DeleteAsync(new StateDelete(expiring, etag), CancellationToken.None));
        if (store.Features.HasFlag(StateStoreFeatures.Query))
        {
            var all = await store.QueryAsync($"{App}||", StateQueryEvaluator.Parse("{}"), CancellationToken.None);
            Assert.Equal([renewed], all.Items.Select(item => item.Key));
        }
        await store.SetAsync(new StateWrite(expiring, Bytes("3"), Concurrency: StateConcurrency.FirstWrite), CancellationToken.None);
        Assert.Equal(Bytes("3"), (await store.GetAsync(expiring, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task The_store_default_ttl_applies_unless_a_write_sets_minus_one()
    {
        var store = await OpenAsync(("ttlInSeconds", "1"));
        var defaulted = Key("defaulted");
        var forever = Key("forever");
        var ownTtl = Key("own-ttl");
        await store.SetAsync(new StateWrite(forever, Bytes("1"), Ttl: StateWrite.NoExpiry), CancellationToken.None);
        await store.SetAsync(new StateWrite(ownTtl, Bytes("1"), Ttl: TimeSpan.FromMinutes(5)), CancellationToken.None);
        await store.SetAsync(new StateWrite(defaulted, Bytes("1")), CancellationToken.None);

        Assert.NotNull((await store.GetAsync(defaulted, CancellationToken.None))!.ExpiresAt);
        await WaitUntilGoneAsync(store, defaulted);

        var kept = await store.GetAsync(forever, CancellationToken.None);
        Assert.NotNull(kept);
        Assert.Null(kept.ExpiresAt);
        Assert.InRange((await store.GetAsync(ownTtl, CancellationToken.None))!.ExpiresAt!.Value, DateTimeOffset.UtcNow.AddMinutes(4), DateTimeOffset.UtcNow.AddMinutes(6));
    }

    [Fact]
    public async Task A_transaction_applies_all_its_operations()
    {
        var store = await OpenAsync();
        var (updated, created, deleted) = (Key("updated"), Key("created"), Key("deleted"));
        var etag = await EtagOfNewItemAsync(store, updated);
        await store.SetAsync(new StateWrite(deleted, Bytes("1")), CancellationToken.None);

        await store.TransactAsync(
        [
            new StateOperation.Upsert(new StateWrite(updated, Bytes("2"), etag)),
            new StateOperation.Upsert(new StateWrite(created, Bytes("1"), Concurrency: StateConcurrency.FirstWrite)),
            new StateOperation.Delete(new StateDelete(deleted)),
        ], CancellationToken.None);

        Assert.Equal(Bytes("2"), (await store.GetAsync(updated, CancellationToken.None))!.Value);
        Assert.Equal(Bytes("1"), (await store.GetAsync(created, CancellationToken.None))!.Value);
        Assert.Null(await store.GetAsync(deleted, CancellationToken.None));
    }

    [Fact]
    public async Task Later_operations_of_a_transaction_see_the_earlier_ones()
    {
        var store = await OpenAsync();
        var key = Key("recreated");
        await store.SetAsync(new StateWrite(key, Bytes("1")), CancellationToken.None);

        await store.TransactAsync(
        [
            new StateOperation.Delete(new StateDelete(key)),
            new StateOperation.Upsert(new StateWrite(key, Bytes("2"), Concurrency: StateConcurrency.FirstWrite)),
        ], CancellationToken.None);

        Assert.Equal(Bytes("2"), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task A_transaction_with_one_wrong_etag_changes_nothing()
    {
        var store = await OpenAsync();
        var (updated, created, deleted, guarded) = (Key("updated"), Key("created"), Key("deleted"), Key("guarded"));
        var etag = await EtagOfNewItemAsync(store, updated);
        await store.SetAsync(new StateWrite(deleted, Bytes("1")), CancellationToken.None);
        var guardedEtag = await EtagOfNewItemAsync(store, guarded);
        await store.SetAsync(new StateWrite(guarded, Bytes("changed")), CancellationToken.None);

        var failure = await Assert.ThrowsAsync<ETagMismatchException>(() => store.TransactAsync(
        [
            new StateOperation.Upsert(new StateWrite(updated, Bytes("2"), etag)),
            new StateOperation.Upsert(new StateWrite(created, Bytes("1"))),
            new StateOperation.Delete(new StateDelete(deleted)),
            new StateOperation.Upsert(new StateWrite(guarded, Bytes("2"), guardedEtag)),
        ], CancellationToken.None));

        Assert.Contains(guarded, failure.Message, StringComparison.Ordinal);
        var unchanged = await store.GetAsync(updated, CancellationToken.None);
        Assert.Equal(Bytes("1"), unchanged!.Value);
        Assert.Equal(etag, unchanged.ETag);
        Assert.Null(await store.GetAsync(created, CancellationToken.None));
        Assert.NotNull(await store.GetAsync(deleted, CancellationToken.None));
        Assert.Equal(Bytes("changed"), (await store.GetAsync(guarded, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task A_transaction_breaking_first_write_changes_nothing()
    {
        var store = await OpenAsync();
        var (created, existing) = (Key("created"), Key("existing"));
        await store.SetAsync(new StateWrite(existing, Bytes("1")), CancellationToken.None);

        await Assert.ThrowsAsync<ETagMismatchException>(() => store.TransactAsync(
        [
            new StateOperation.Upsert(new StateWrite(created, Bytes("1"))),
            new StateOperation.Upsert(new StateWrite(existing, Bytes("2"), Concurrency: StateConcurrency.FirstWrite)),
        ], CancellationToken.None));

        Assert.Null(await store.GetAsync(created, CancellationToken.None));
        Assert.Equal(Bytes("1"), (await store.GetAsync(existing, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Of_twenty_concurrent_writers_with_the_same_etag_exactly_one_wins()
    {
        var store = await OpenAsync();
        var key = Key("contended");
        var etag = await EtagOfNewItemAsync(store, key);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(() =>
            Record.ExceptionAsync(() => store.SetAsync(new StateWrite(key, Bytes($"\"writer {writer}\""), etag), CancellationToken.None)))));

        var winner = Assert.Single(outcomes.Select((error, writer) => (error, writer)), outcome => outcome.error is null).writer;
        Assert.All(outcomes.Where(error => error is not null), error => Assert.IsType<ETagMismatchException>(error));
        Assert.Equal(Bytes($"\"writer {winner}\""), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    [Fact]
    public async Task Of_twenty_concurrent_first_writers_exactly_one_wins()
    {
        var store = await OpenAsync();
        var key = Key("claimed");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(writer => Task.Run(() =>
            Record.ExceptionAsync(() => store.SetAsync(new StateWrite(key, Bytes($"\"writer {writer}\""), Concurrency: StateConcurrency.FirstWrite), CancellationToken.None)))));

        var winner = Assert.Single(outcomes.Select((error, writer) => (error, writer)), outcome => outcome.error is null).writer;
        Assert.All(outcomes.Where(error => error is not null), error => Assert.IsType<ETagMismatchException>(error));
        Assert.Equal(Bytes($"\"writer {winner}\""), (await store.GetAsync(key, CancellationToken.None))!.Value);
    }

    public static TheoryData<string, string[]> Queries => new()
    {
        { """{"filter": {"EQ": {"tags.color": "red"}}}""", ["apple", "cherry"] },
        { """{"filter": {"EQ": {"price": 3}}}""", ["apple"] },
        { """{"filter": {"IN": {"name": ["apple", "date", "fig"]}}}""", ["apple", "date"] },
        { """{"filter": {"AND": [{"GTE": {"price": 3}}, {"LT": {"price": 10}}]}}""", ["apple", "date"] },
        { """{"filter": {"OR": [{"EQ": {"name": "banana"}}, {"GT": {"stock": 5}}]}}""", ["apple", "banana"] },
        { """{"filter": {"NEQ": {"tags.color": "red"}}}""", ["banana", "date", "string-price"] },
        { """{"filter": {"GT": {"price": 0}}, "sort": [{"key": "price", "order": "DESC"}]}""", ["cherry", "date", "apple", "banana"] },
        { """{"filter": {"EQ": {"tags.color": "red"}}, "sort": [{"key": "stock"}]}""", ["cherry", "apple"] },
        { """{"sort": [{"key": "tags.color", "order": "ASC"}, {"key": "name", "order": "DESC"}]}""", ["date", "cherry", "apple", "string-price", "banana"] },
        { "{}", ["apple", "banana", "cherry", "date", "string-price"] },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_query_filters_and_sorts_the_json_items_under_the_prefix(string query, string[] expected)
    {
        var store = await OpenAsync();
        if (!ExpectedFeatures.HasFlag(StateStoreFeatures.Query))
        {
            Assert.False(store.Features.HasFlag(StateStoreFeatures.Query), "a store without query support must not advertise it");
            return;
        }
        await SeedProductsAsync(store);

        var result = await store.QueryAsync($"{App}||", StateQueryEvaluator.Parse(query), CancellationToken.None);

        Assert.Equal(expected.Select(Key), result.Items.Select(item => item.Key));
        Assert.Null(result.NextToken);
        Assert.All(result.Items, item => Assert.False(string.IsNullOrEmpty(item.ETag)));
    }

    [Fact]
    public async Task A_query_pages_with_the_token_it_returns()
    {
        var store = await OpenAsync();
        if (!ExpectedFeatures.HasFlag(StateStoreFeatures.Query))
        {
            Assert.False(store.Features.HasFlag(StateStoreFeatures.Query), "a store without query support must not advertise it");
            return;
        }
        await SeedProductsAsync(store);
        var first = await store.QueryAsync($"{App}||", StateQueryEvaluator.Parse(PricePage(token: null)), CancellationToken.None);
        Assert.NotNull(first.NextToken);
        var second = await store.QueryAsync($"{App}||", StateQueryEvaluator.Parse(PricePage(first.NextToken)), CancellationToken.None);

        Assert.Equal([Key("banana"), Key("apple"), Key("date")], first.Items.Select(item => item.Key));
        Assert.Equal([Key("cherry")], second.Items.Select(item => item.Key));
        Assert.Null(second.NextToken);
    }

    private static string PricePage(string? token)
    {
        var tokenMember = token is null ? "" : $", \"token\": \"{token}\"";
        return """{"filter": {"GT": {"price": 0}}, "sort": [{"key": "price"}], "page": {"limit": 3""" + tokenMember + "}}";
    }

    private async Task SeedProductsAsync(IStateStore store)
    {
        await store.SetAsync(new StateWrite(Key("apple"), Bytes("""{"name":"apple","price":3.0,"stock":10,"tags":{"color":"red"}}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("banana"), Bytes("""{"name":"banana","price":1.5,"stock":0,"tags":{"color":"yellow"}}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("cherry"), Bytes("""{"name":"cherry","price":10,"stock":5,"tags":{"color":"red"}}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("date"), Bytes("""{"name": "date", "price": 7, "tags": {"color": "brown"}}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("string-price"), Bytes("""{"price":"3","tags":{"color":"yellow"}}""")), CancellationToken.None);
        await store.SetAsync(new StateWrite(Key("not-json"), [0x7B, 0xFF, 0x00]), CancellationToken.None);
        await store.SetAsync(new StateWrite($"other{App}||apple", Bytes("""{"name":"apple","price":3,"tags":{"color":"red"}}""")), CancellationToken.None);
    }

    private static async Task<string> EtagOfNewItemAsync(IStateStore store, string key)
    {
        await store.SetAsync(new StateWrite(key, Bytes("1")), CancellationToken.None);
        return (await store.GetAsync(key, CancellationToken.None))!.ETag;
    }

    private static async Task WaitUntilGoneAsync(IStateStore store, string key)
    {
        var deadline = DateTimeOffset.UtcNow + _expiryDeadline;
        while (await store.GetAsync(key, CancellationToken.None) is not null)
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"{key} had not expired after {_expiryDeadline.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
