using Dapr.Actors;
using Dapr.Actors.Client;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.DaprLocal.Tests.Actors;

/// <summary>Actors as the official Dapr.Actors SDK sees them (placement, turns, state), over the actor state stores.</summary>
public sealed class ActorTests
{
    public static TheoryData<string> ActorStores() => ["sqlite", "redis", "postgresql-v1"];

    [Theory]
    [MemberData(nameof(ActorStores))]
    public async Task A_thousand_concurrent_increments_on_one_actor_give_a_thousand(string kind)
    {
        await using var app = await ActorApp.StartAsync(ActorResources(kind), Unique(), "only");
        var counter = app.Counter("hot");

        await Task.WhenAll(Enumerable.Range(0, 1000).Select(_ => counter.IncrementAsync()));

        Assert.Equal(1000, await counter.GetAsync());
    }

    [Fact]
    public async Task Actor_state_survives_a_restart_of_the_app_and_its_sidecar()
    {
        var appId = Unique();
        var resources = ActorResources("sqlite");
        await using (var first = await ActorApp.StartAsync(resources, appId, "first"))
        {
            await first.Counter("kept").IncrementAsync();
            await first.Counter("kept").IncrementAsync();
        }

        await using var second = await ActorApp.StartAsync(resources, appId, "second");
        Assert.Equal(2, await second.Counter("kept").GetAsync());
    }

    [Fact]
    public async Task Two_replicas_share_the_actors_without_activating_one_twice()
    {
        var appId = Unique();
        var resources = ActorResources("redis");
        await using var a = await ActorApp.StartAsync(resources, appId, "a");
        await using var b = await ActorApp.StartAsync(resources, appId, "b");
        var ids = Enumerable.Range(0, 20).Select(i => $"c{i}").ToArray();

        foreach (var id in ids)
        {
            await a.Counter(id).IncrementAsync();
            await b.Counter(id).IncrementAsync();
            Assert.Equal(await a.Counter(id).ReplicaAsync(), await b.Counter(id).ReplicaAsync());
        }

        Assert.All(ids, id => Assert.Equal(2, a.Counter(id).GetAsync().Result));
        Assert.All(ids, id => Assert.True(a.Replica.Activations.ContainsKey(id) ^ b.Replica.Activations.ContainsKey(id), $"{id} activated on exactly one replica"));
        Assert.NotEmpty(a.Replica.Activations);
        Assert.NotEmpty(b.Replica.Activations);
    }

    [Fact]
    public async Task When_a_replica_joins_the_actors_that_move_to_it_are_deactivated_here_and_keep_their_state()
    {
        var appId = Unique();
        var resources = ActorResources("redis");
        await using var a = await ActorApp.StartAsync(resources, appId, "a");
        var ids = Enumerable.Range(0, 20).Select(i => $"m{i}").ToArray();
        foreach (var id in ids)
        {
            await a.Counter(id).IncrementAsync();
        }

        await using var b = await ActorApp.StartAsync(resources, appId, "b");
        // Sidecars re-read who hosts what about once a second: wait until a's sidecar places some actors on b.
        await Eventually.TrueAsync(
            async () => (await Task.WhenAll(ids.Select(id => a.Counter(id).ReplicaAsync()))).Contains("b"), TimeSpan.FromSeconds(10));
        var moved = new List<string>();
        foreach (var id in ids)
        {
            Assert.Equal(2, await a.Counter(id).IncrementAsync());
            if (await a.Counter(id).ReplicaAsync() == "b")
            {
                moved.Add(id);
            }
        }

        Assert.NotEmpty(moved);
        await Eventually.TrueAsync(() => moved.All(a.Replica.Deactivations.ContainsKey), TimeSpan.FromSeconds(10), "moved actors are deactivated on the old replica");
        Assert.All(ids.Except(moved), id => Assert.False(a.Replica.Deactivations.ContainsKey(id)));
    }

    [Fact]
    public async Task With_reentrancy_enabled_an_actor_may_call_itself_through_the_sdk()
    {
        await using var app = await ActorApp.StartAsync(ActorResources("sqlite"), Unique(), "only",
            options => options.ReentrancyConfig = new Dapr.Actors.ActorReentrancyConfig { Enabled = true, MaxStackDepth = 8 });

        Assert.Equal(3, await app.Counter("echo").NestAsync(3).WaitAsync(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task Actors_hosted_behind_a_separate_sidecar_process_are_found()
    {
        using var otherProcess = new Runtime.SharedRuntime();
        await using var host = await ActorApp.StartAsync(ActorResources("sqlite"), Unique(), "elsewhere", shared: otherProcess);
        await using var caller = await TestSidecar.StartAsync("");
        var proxy = ActorProxy.Create<ICounter>(new ActorId("far"), "Counter", new ActorProxyOptions { HttpEndpoint = caller.HttpEndpoint.ToString().TrimEnd('/') });

        Assert.Equal(1, await proxy.IncrementAsync());
        Assert.Equal("elsewhere", await proxy.ReplicaAsync());
    }

    [Fact]
    public async Task An_actor_type_nobody_hosts_is_an_error_for_the_caller()
    {
        await using var app = await ActorApp.StartAsync(ActorResources("sqlite"), Unique(), "only");
        var proxy = ActorProxy.Create<ICounter>(new ActorId("x"), "NoSuchType", new ActorProxyOptions { HttpEndpoint = app.Sidecar.HttpEndpoint.ToString().TrimEnd('/') });

        await Assert.ThrowsAnyAsync<Exception>(() => proxy.GetAsync());
    }

    [Fact]
    public async Task Hosting_actors_without_an_actor_state_store_fails_the_sidecar_start()
    {
        var error = await Assert.ThrowsAsync<ResourceException>(() => ActorApp.StartAsync(TestComponents.StateStore("sqlite", "plain"), Unique(), "only"));

        Assert.Contains("actorStateStore", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timer_fires_in_the_actors_turn_until_it_is_unregistered()
    {
        await using var app = await ActorApp.StartAsync(ActorResources("sqlite"), Unique(), "only");
        var counter = app.Counter("ticking");

        await counter.StartTickingAsync(100);
        await Eventually.TrueAsync(() => app.Replica.Ticks.GetValueOrDefault("ticking") >= 3, TimeSpan.FromSeconds(10));
        await counter.StopTickingAsync();
        var ticksWhenStopped = app.Replica.Ticks["ticking"];
        await Task.Delay(500);

        Assert.InRange(app.Replica.Ticks["ticking"], ticksWhenStopped, ticksWhenStopped + 1);
    }

    [Fact]
    public async Task An_idle_actor_is_deactivated_and_reactivated_by_the_next_call()
    {
        await using var app = await ActorApp.StartAsync(ActorResources("sqlite"), Unique(), "only", options =>
        {
            options.ActorIdleTimeout = TimeSpan.FromSeconds(1);
            options.ActorScanInterval = TimeSpan.FromMilliseconds(200);
        });
        var counter = app.Counter("sleepy");
        await counter.IncrementAsync();

        await Eventually.TrueAsync(() => app.Replica.Deactivations.ContainsKey("sleepy"), TimeSpan.FromSeconds(10));
        Assert.Equal(2, await counter.IncrementAsync());
        Assert.Equal(2, app.Replica.Activations["sleepy"]);
    }

    [Fact]
    public async Task A_reminder_set_before_a_restart_fires_after_it()
    {
        var appId = Unique();
        var resources = ActorResources("sqlite");
        await using (var before = await ActorApp.StartAsync(resources, appId, "before"))
        {
            await before.Counter("patient").RemindAsync("later", dueMilliseconds: 2500, periodMilliseconds: 0);
        }

        await using var after = await ActorApp.StartAsync(resources, appId, "after");

        await Eventually.TrueAsync(() => after.Replica.Reminded.ContainsKey("patient/later"), TimeSpan.FromSeconds(15));
        await Eventually.TrueAsync(async () => !await after.Counter("patient").HasReminderAsync("later"), TimeSpan.FromSeconds(5), "a fired one-shot reminder is deleted");
    }

    [Fact]
    public async Task A_periodic_reminder_fires_until_it_is_unregistered()
    {
        await using var app = await ActorApp.StartAsync(ActorResources("redis"), Unique(), "only");
        var counter = app.Counter("nagged");

        await counter.RemindAsync("nag", dueMilliseconds: 0, periodMilliseconds: 200);
        await Eventually.TrueAsync(() => app.Replica.Reminded.GetValueOrDefault("nagged/nag") >= 3, TimeSpan.FromSeconds(10));
        await counter.ForgetAsync("nag");
        var firedWhenForgotten = app.Replica.Reminded["nagged/nag"];
        await Task.Delay(600);

        Assert.InRange(app.Replica.Reminded["nagged/nag"], firedWhenForgotten, firedWhenForgotten + 1);
        Assert.False(await counter.HasReminderAsync("nag"));
    }

    private static string ActorResources(string kind) => TestComponents.StateStore(kind, "actors", ("actorStateStore", "true"));

    private static string Unique() => $"actors-{Guid.NewGuid():N}"[..18];
}
