using System.Net;
using System.Text;
using Dapr;
using Dapr.Client;
using Ecommerce.TestSupport.Sidecars;
using Grpc.Core;

namespace Ecommerce.DaprLocal.Tests.Conformance;

/// <summary>The state API as the official Dapr SDK sees it, over every state store DaprLocal runs.</summary>
public sealed class StateApiTests
{
    private sealed record Cart(string Owner, int Items);

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task Saved_state_reads_back_with_an_etag_and_a_missing_key_reads_as_default(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));

        await sidecar.Client.SaveStateAsync("store", "cart-1", new Cart("ann", 2));
        var (cart, etag) = await sidecar.Client.GetStateAndETagAsync<Cart>("store", "cart-1");
        var missing = await sidecar.Client.GetStateAsync<Cart>("store", "no-such-cart");

        Assert.Equal(new Cart("ann", 2), cart);
        Assert.False(string.IsNullOrEmpty(etag));
        Assert.Null(missing);
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task A_stale_etag_loses_the_write_and_the_current_one_wins(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        await sidecar.Client.SaveStateAsync("store", "cart", new Cart("ann", 1));
        var (_, first) = await sidecar.Client.GetStateAndETagAsync<Cart>("store", "cart");
        Assert.True(await sidecar.Client.TrySaveStateAsync("store", "cart", new Cart("ann", 2), first));

        var staleSave = await sidecar.Client.TrySaveStateAsync("store", "cart", new Cart("bob", 9), first);
        var staleDelete = await sidecar.Client.TryDeleteStateAsync("store", "cart", first);

        Assert.False(staleSave);
        Assert.False(staleDelete);
        Assert.Equal(new Cart("ann", 2), await sidecar.Client.GetStateAsync<Cart>("store", "cart"));
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task An_etag_mismatch_is_409_over_http(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };
        await sidecar.Client.SaveStateAsync("store", "k", "v1");
        var (_, etag) = await sidecar.Client.GetStateAndETagAsync<string>("store", "k");
        await sidecar.Client.SaveStateAsync("store", "k", "v2");

        var response = await http.PostAsync(new Uri("/v1.0/state/store", UriKind.Relative),
            new StringContent($$"""[{"key":"k","value":"v3","etag":"{{etag}}"}]""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ERR_STATE_SAVE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task A_transaction_with_one_failing_operation_changes_nothing(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        await sidecar.Client.SaveStateAsync("store", "stock", 10);
        var (_, etag) = await sidecar.Client.GetStateAndETagAsync<int>("store", "stock");
        await sidecar.Client.SaveStateAsync("store", "stock", 9);

        var error = await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.ExecuteStateTransactionAsync("store",
        [
            new StateTransactionRequest("order", JsonBytes("placed"), StateOperationType.Upsert),
            new StateTransactionRequest("stock", JsonBytes(8), StateOperationType.Upsert, etag),
        ]));

        // daprd reports a mismatch inside a transaction as Internal, not Aborted.
        Assert.Equal(StatusCode.Internal, Assert.IsType<RpcException>(error.InnerException).StatusCode);
        Assert.Null(await sidecar.Client.GetStateAsync<string>("store", "order"));
        Assert.Equal(9, await sidecar.Client.GetStateAsync<int>("store", "stock"));
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task A_transaction_commits_upserts_and_deletes_together(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        await sidecar.Client.SaveStateAsync("store", "old", "x");

        await sidecar.Client.ExecuteStateTransactionAsync("store",
        [
            new StateTransactionRequest("new", JsonBytes("y"), StateOperationType.Upsert),
            new StateTransactionRequest("old", null, StateOperationType.Delete),
        ]);

        Assert.Equal("y", await sidecar.Client.GetStateAsync<string>("store", "new"));
        Assert.Null(await sidecar.Client.GetStateAsync<string>("store", "old"));
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task An_item_saved_with_ttl_expires(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));

        await sidecar.Client.SaveStateAsync("store", "session", "s", metadata: new Dictionary<string, string> { ["ttlInSeconds"] = "1" });
        Assert.Equal("s", await sidecar.Client.GetStateAsync<string>("store", "session"));

        await Eventually.TrueAsync(async () => await sidecar.Client.GetStateAsync<string>("store", "session") is null, TimeSpan.FromSeconds(10));
    }

    [Theory]
    [MemberData(nameof(TestComponents.StateStores), MemberType = typeof(TestComponents))]
    public async Task Bulk_get_returns_found_and_missing_keys(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        await sidecar.Client.SaveStateAsync("store", "a", "A");
        await sidecar.Client.SaveStateAsync("store", "b", "B");

        var items = await sidecar.Client.GetBulkStateAsync("store", ["a", "b", "c"], parallelism: 2);

        Assert.Equal(["\"A\"", "\"B\"", ""], items.OrderBy(i => i.Key).Select(i => i.Value));
        await sidecar.Client.DeleteBulkStateAsync("store", [new BulkDeleteStateItem("a", ""), new BulkDeleteStateItem("b", "")]);
        Assert.Null(await sidecar.Client.GetStateAsync<string>("store", "a"));
    }

    [Fact]
    public async Task Keys_are_stored_under_the_app_id_prefix_and_never_contain_the_separator()
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("sqlite") + TestComponents.StateStore("sqlite", "raw", ("keyPrefix", "none")));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var bad = await http.GetAsync(new Uri("/v1.0/state/store/a%7C%7Cb", UriKind.Relative));
        var error = await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.SaveStateAsync("store", "a||b", 1));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Fact]
    public async Task An_unknown_store_is_daprds_not_found_error_on_both_apis()
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("in-memory"));
        using var http = new HttpClient { BaseAddress = sidecar.HttpEndpoint };

        var response = await http.GetAsync(new Uri("/v1.0/state/nope/k", UriKind.Relative));
        var error = await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.GetStateAsync<string>("nope", "k"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ERR_STATE_STORE_NOT_FOUND", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(StatusCode.InvalidArgument, Assert.IsType<RpcException>(error.InnerException).StatusCode);
    }

    [Theory]
    [MemberData(nameof(TestComponents.QueryableStateStores), MemberType = typeof(TestComponents))]
    public async Task The_query_api_filters_sorts_and_pages(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));
        for (var i = 1; i <= 5; i++)
        {
            await sidecar.Client.SaveStateAsync("store", $"p{i}", new Product($"p{i}", i % 2 == 0 ? "shoes" : "hats", i * 10));
        }

        var page = await sidecar.Client.QueryStateAsync<Product>("store",
            """{"filter":{"EQ":{"category":"hats"}},"sort":[{"key":"price","order":"DESC"}],"page":{"limit":2}}""");
        var next = await sidecar.Client.QueryStateAsync<Product>("store",
            $$$"""{"filter":{"EQ":{"category":"hats"}},"sort":[{"key":"price","order":"DESC"}],"page":{"limit":2,"token":"{{{page.Token}}}"}}""");

        Assert.Equal(["p5", "p3"], page.Results.Select(r => r.Data!.Id));
        Assert.Equal(["p1"], next.Results.Select(r => r.Data!.Id));
    }

    [Theory]
    [InlineData("in-memory")]
    [InlineData("sqlite")]
    [InlineData("redis")]
    [InlineData("postgresql-v2")]
    public async Task A_store_without_query_support_in_daprd_refuses_queries(string kind)
    {
        await using var sidecar = await TestSidecar.StartAsync(TestComponents.StateStore(kind));

        await Assert.ThrowsAsync<DaprException>(() => sidecar.Client.QueryStateAsync<Product>("store", """{"filter":{"EQ":{"category":"hats"}}}"""));
    }

    private sealed record Product(string Id, string Category, int Price);

    private static readonly System.Text.Json.JsonSerializerOptions Web = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static byte[] JsonBytes<T>(T value) => System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(value, Web);
}
