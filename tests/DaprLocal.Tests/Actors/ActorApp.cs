using Dapr.Actors.Client;
using Dapr.Actors;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Ecommerce.DaprLocal.Tests.Actors;

/// <summary>An app hosting <see cref="CounterActor"/> through Dapr.Actors.AspNetCore, beside its own DaprLocal sidecar.</summary>
public sealed class ActorApp : IAsyncDisposable
{
    private ActorApp(LoopbackServer server, TestSidecar sidecar, ReplicaRecord replica)
    {
        Server = server;
        Sidecar = sidecar;
        Replica = replica;
    }

    public LoopbackServer Server { get; }

    public TestSidecar Sidecar { get; }

    public ReplicaRecord Replica { get; }

    /// <summary>Starts the app and its sidecar; a <c>shared</c> runtime of its own stands for a separate <c>sidecar</c> process.</summary>
    public static async Task<ActorApp> StartAsync(
        string resources, string appId, string replicaName, Action<Dapr.Actors.Runtime.ActorRuntimeOptions>? configure = null, Runtime.SharedRuntime? shared = null)
    {
        var appPort = TestSidecar.FreePort();
        var sidecar = await TestSidecar.StartAsync(resources, appId: appId, appPort: appPort, shared: shared, waitUntilReady: false);
        var replica = new ReplicaRecord(replicaName);
        var server = await LoopbackServer.StartAsync(
            app => app.MapActorsHandlers(),
            appPort,
            services =>
            {
                services.AddSingleton(replica);
                services.AddActors(options =>
                {
                    options.Actors.RegisterActor<CounterActor>();
                    options.HttpEndpoint = sidecar.HttpEndpoint.ToString().TrimEnd('/');
                    configure?.Invoke(options);
                });
            });
        await sidecar.Host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return new ActorApp(server, sidecar, replica);
    }

    public ICounter Counter(string id) =>
        ActorProxy.Create<ICounter>(new ActorId(id), "Counter", new ActorProxyOptions { HttpEndpoint = Sidecar.HttpEndpoint.ToString().TrimEnd('/') });

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Sidecar.DisposeAsync();
    }
}
