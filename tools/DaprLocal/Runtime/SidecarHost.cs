using Ecommerce.DaprLocal.Actors;
using Ecommerce.DaprLocal.Api;
using Ecommerce.DaprLocal.Api.Grpc;
using Ecommerce.DaprLocal.Api.Http;
using Ecommerce.DaprLocal.Invocation;
using Ecommerce.DaprLocal.PubSub;
using Ecommerce.DaprLocal.Resiliency;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Subscriptions;
using Ecommerce.DaprLocal.Workflows;
using Grpc.AspNetCore.Server.Model;
using Grpc.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// One Dapr-compatible sidecar: loads its resources, starts its components, serves daprd's HTTP
/// and gRPC APIs on its two ports, then, once the app port answers, starts the app-facing side
/// (subscriptions, outbox forwarding, input bindings) and reports ready — daprd's start order.
/// </summary>
public sealed class SidecarHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly List<IAsyncDisposable> _outboxSubscriptions = [];
    private readonly CancellationTokenSource _stopping = new();
    private IDisposable? _registration;
    private IDisposable? _inProcessListing;
    private SidecarAddress? _address;
    private Task _appFacingStart = Task.CompletedTask;

    private SidecarHost(WebApplication web, SidecarOptions options)
    {
        _web = web;
        Options = options;
    }

    public SidecarOptions Options { get; }

    public SidecarState State => _web.Services.GetRequiredService<SidecarState>();

    /// <summary>Completes when the app asks the sidecar to stop (<c>/v1.0/shutdown</c>).</summary>
    public CancellationToken ShutdownRequested => State.ShutdownRequested;

    public static async Task<SidecarHost> StartAsync(SidecarOptions options, SharedRuntime shared, ILoggerProvider logs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(shared);
        var configuration = options.ConfigPath is { } configPath ? ConfigurationFile.Describe(configPath) : null;
        var resources = ResourceLoader.Load(options.ResourcesPaths, options.AppId);
        var resiliency = new ResiliencyPolicies(options.AppId, resources.Resiliencies.Select(ResiliencySpec.Parse));
        // The components log through the sidecar's own output; the factory lives as long as they do.
        var componentLogs = LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevels.Parse(options.LogLevel)));
        ComponentRegistry components;
        try
        {
            components = await ComponentRegistry.CreateAsync(resources.Components, options.AppId, shared.InMemoryBrokers, componentLogs, cancellationToken);
        }
        catch
        {
            componentLogs.Dispose();
            throw;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevels.Parse(options.LogLevel));
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = options.MaxBodySize;
            kestrel.ListenLocalhost(options.HttpPort, listen => listen.Protocols = HttpProtocols.Http1);
            kestrel.ListenLocalhost(options.GrpcPort, listen => listen.Protocols = HttpProtocols.Http2);
        });

        var services = builder.Services;
        services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        services.AddSingleton(options);
        services.AddSingleton(components);
        services.AddSingleton(new ComponentLogs(componentLogs));
        services.AddSingleton(resiliency);
        services.AddSingleton(shared.Directory);
        services.AddSingleton(shared.SidecarClient);
        services.AddSingleton(shared.InProcess);
        services.AddSingleton<SidecarState>();
        services.AddSingleton<SidecarMetadata>();
        services.AddSingleton<AppChannel>();
        services.AddSingleton<ServiceInvoker>();
        services.AddSingleton<StateApi>();
        services.AddSingleton<PublishApi>();
        services.AddSingleton<SecretsApi>();
        services.AddSingleton<BindingsApi>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<SubscriptionRunner>();
        services.AddSingleton<InputBindingRunner>();
        services.AddSingleton<ActorPlacement>();
        services.AddSingleton<ActorReminders>();
        services.AddSingleton<ActorRuntime>();
        services.AddSingleton<WorkflowEngine>();
        services.AddSingleton<WorkflowManagement>();
        services.AddGrpc(grpc => grpc.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, options.MaxBodySize))
            .AddServiceOptions<DaprGrpcService>(dapr => dapr.Interceptors.Add<DaprApiTokenInterceptor>())
            .AddServiceOptions<TaskHubGrpcService>(taskHub => taskHub.Interceptors.Add<DaprApiTokenInterceptor>());
        services.AddSingleton<IServiceMethodProvider<DaprGrpcService>, DaprGrpcMethodProvider>();
        services.AddSingleton<DaprGrpcService>();
        // SDK 1.19 asks gRPC reflection which Dapr methods exist before choosing between variants;
        // the workflow service is listed too, as daprd registers reflection on the same server.
        services.AddSingleton(new ReflectionV1ServiceImpl(
            Dapr.Client.Autogen.Grpc.v1.Dapr.Descriptor, Ecommerce.Workflow.Protocol.TaskHubSidecarService.Descriptor));
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        var web = builder.Build();
        web.UseDaprApiToken(options.HttpPort);
        web.MapGrpcService<DaprGrpcService>();
        // daprd serves the durable-task worker/client service on its API gRPC port, next to the Dapr service.
        web.MapGrpcService<TaskHubGrpcService>();
        web.MapGrpcService<ReflectionV1ServiceImpl>();
        web.MapDaprHttpApi(options.HttpPort);

        var host = new SidecarHost(web, options);
        try
        {
            await web.StartAsync(cancellationToken);
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
        var startLogger = web.Services.GetRequiredService<ILogger<SidecarHost>>();
        if (configuration is not null)
        {
            SidecarLog.ConfigurationNotApplied(startLogger, configuration);
        }
        foreach (var warning in resiliency.Warnings)
        {
            SidecarLog.ResiliencyWarning(startLogger, warning);
        }
        // Unfinished workflow instances carry on whether or not a client calls first.
        web.Services.GetRequiredService<WorkflowEngine>().Start();
        host.State.OutboundReady = true;
        host._address = new SidecarAddress(options.AppId, options.HttpPort, options.GrpcPort, options.AppPort, Environment.ProcessId);
        host._inProcessListing = shared.InProcess.Add(options.HttpPort, web.Services.GetRequiredService<ServiceInvoker>());
        host._registration = shared.Directory.Register(host._address);
        host._appFacingStart = host.StartAppFacingAsync(resources.Subscriptions, host._stopping.Token);
        return host;
    }

    /// <summary>Completes when the sidecar is ready (<c>/v1.0/healthz</c> is 204), or throws what stopped it.</summary>
    public Task WaitUntilReadyAsync() => _appFacingStart;

    private async Task StartAppFacingAsync(IReadOnlyList<SubscriptionDefinition> declarative, CancellationToken cancellationToken)
    {
        var services = _web.Services;
        var logger = services.GetRequiredService<ILogger<SidecarHost>>();
        var app = services.GetRequiredService<AppChannel>();
        await app.WaitForAppAsync(logger, cancellationToken);
        if (Options.AppPort is { } port)
        {
            SidecarLog.AppDiscovered(logger, port);
        }

        // Announce the actor types the app hosts, so that every sidecar can place their actors here.
        var actors = services.GetRequiredService<ActorRuntime>();
        await actors.DiscoverAsync(cancellationToken);
        if (actors.Config.Entities.Count > 0 && _address is not null)
        {
            _registration?.Dispose();
            _registration = services.GetRequiredService<SidecarDirectory>().Register(_address with { ActorTypes = actors.Config.Entities });
        }

        // The runners are disposed with the container; the outbox subscriptions are ours to stop.
        _outboxSubscriptions.AddRange(await services.GetRequiredService<Outbox>().StartAsync(cancellationToken));
        await services.GetRequiredService<SubscriptionRunner>().StartAsync(declarative, cancellationToken);
        await services.GetRequiredService<InputBindingRunner>().StartAsync(cancellationToken);

        State.Ready = true;
        var componentCount = services.GetRequiredService<ComponentRegistry>().All.Count;
        SidecarLog.Ready(logger, Options.HttpPort, Options.GrpcPort, componentCount);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await _appFacingStart;
        }
        catch (Exception error) when (error is OperationCanceledException || _appFacingStart.IsFaulted)
        {
            // Stopped before the app came up, or failed starting: whoever waited for readiness has seen why.
        }
        _registration?.Dispose();
        _inProcessListing?.Dispose();
        foreach (var subscription in _outboxSubscriptions)
        {
            await subscription.DisposeAsync();
        }
        // Ends the workers' long-lived streams and the server-side waits, which would hold up the stop.
        await _web.Services.GetRequiredService<WorkflowEngine>().StopAsync();
        await _web.StopAsync(CancellationToken.None);
        // Subscriptions and input bindings (owned by the container) stop before the components they use.
        var components = _web.Services.GetRequiredService<ComponentRegistry>();
        var componentLogs = _web.Services.GetRequiredService<ComponentLogs>();
        await _web.DisposeAsync();
        await components.DisposeAsync();
        componentLogs.Factory.Dispose();
        _stopping.Dispose();
    }
}

/// <summary>The logger factory of a sidecar's components, disposed after them.</summary>
public sealed record ComponentLogs(ILoggerFactory Factory);

/// <summary>
/// What the sidecars of one process share: the in-memory brokers, name resolution, the sidecar-to-sidecar client and the
/// list of sidecars in this process. Name resolution uses the machine's directory unless given one of its own.
/// </summary>
public sealed class SharedRuntime(string? nameDirectory = null) : IDisposable
{
    public InMemoryBrokerRegistry InMemoryBrokers { get; } = new();

    public SidecarDirectory Directory { get; } = new(nameDirectory);

    public SidecarHttpClient SidecarClient { get; } = new();

    public InProcessSidecars InProcess { get; } = new();

    public void Dispose() => SidecarClient.Dispose();
}
