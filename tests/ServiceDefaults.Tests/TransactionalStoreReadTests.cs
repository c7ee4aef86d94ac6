using Ecommerce.ServiceDefaults.State;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.ServiceDefaults.Tests;

/// <summary>
/// <see cref="DaprTransactionalStore.ReadAsync"/> through a real sidecar (DaprLocal, SQLite): keys holding different
/// types come back from one bulk read, each with the ETag a later commit is conditioned on; a missing key is absent.
/// </summary>
public sealed class TransactionalStoreReadTests : IAsyncLifetime
{
    private TestSidecar _sidecar = null!;
    private DaprTransactionalStore _store = null!;

    public async Task InitializeAsync()
    {
        _sidecar = await TestSidecar.StartAsync(TestComponents.StateStore("sqlite"));
        _store = new DaprTransactionalStore(_sidecar.Client, "store");
    }

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task Keys_of_different_types_are_read_in_one_go_with_etags_that_commits_can_use()
    {
        Assert.True(await _store.TryCommitAsync(
            [new StateChange.Insert("profile|ada", new Profile("Ada", 36)), new StateChange.Insert("tags|ada", new Tags(["admin", "ops"]))],
            CancellationToken.None));

        var reads = await _store.ReadAsync(["profile|ada", "tags|ada", "profile|nobody"], CancellationToken.None);

        var profile = reads.Get<Profile>("profile|ada");
        Assert.Equal(new Profile("Ada", 36), profile?.Value);
        Assert.Equal(["admin", "ops"], reads.Get<Tags>("tags|ada")?.Value.Names);
        Assert.Null(reads.Get<Profile>("profile|nobody"));
        Assert.True(await _store.TryCommitAsync([new StateChange.Update("profile|ada", new Profile("Ada", 37), profile!.ETag)], CancellationToken.None));
        Assert.False(await _store.TryCommitAsync([new StateChange.Update("profile|ada", new Profile("Ada", 38), profile.ETag)], CancellationToken.None));
    }

    private sealed record Profile(string Name, int Age);

    private sealed record Tags(IReadOnlyList<string> Names);
}
