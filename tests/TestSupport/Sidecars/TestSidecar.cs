using System.Net;
using System.Net.Sockets;
using Dapr.Client;
using Ecommerce.DaprLocal.Runtime;
using Microsoft.Extensions.Logging;

namespace Ecommerce.TestSupport.Sidecars;

/// <summary>
/// A DaprLocal sidecar started in the test process on free loopback ports, with its resources
/// written from YAML text into a fresh directory, and an official <see cref="DaprClient"/> pointed
/// at it. Disposing stops the sidecar and deletes its resources.
/// </summary>
public sealed class TestSidecar : IAsyncDisposable
{
    private readonly string _resources;

    private TestSidecar(SidecarHost host, string resources, string? apiToken)
    {
        Host = host;
        _resources = resources;
        HttpEndpoint = new Uri($"http://127.0.0.1:{host.Options.HttpPort}");
        GrpcEndpoint = new Uri($"http://127.0.0.1:{host.Options.GrpcPort}");
        var builder = new DaprClientBuilder().UseHttpEndpoint(HttpEndpoint.ToString()).UseGrpcEndpoint(GrpcEndpoint.ToString());
        if (apiToken is not null)
        {
            builder.UseDaprApiToken(apiToken);
        }
        Client = builder.Build();
    }

    public SidecarHost Host { get; }

    public string AppId => Host.Options.AppId;

    public Uri HttpEndpoint { get; }

    public Uri GrpcEndpoint { get; }

    public DaprClient Client { get; }

    /// <summary>Starts a sidecar; waits until it is ready (app reached, subscriptions read) unless told not to.</summary>
    public static async Task<TestSidecar> StartAsync(
        string resourcesYaml,
        string? appId = null,
        int? appPort = null,
        SharedRuntime? shared = null,
        string? daprApiToken = null,
        string? appApiToken = null,
        bool waitUntilReady = true)
    {
        var resources = Directory.CreateTempSubdirectory("daprlocal-test-").FullName;
        await File.WriteAllTextAsync(Path.Combine(resources, "components.yaml"), resourcesYaml);
        appId ??= $"app-{Guid.NewGuid():N}"[..16];
        SidecarHost host;
        for (var attempt = 1; ; attempt++)
        {
            var options = new SidecarOptions
            {
                AppId = appId,
                AppPort = appPort,
                HttpPort = FreePort(),
                GrpcPort = FreePort(),
                ResourcesPaths = [resources],
                DaprApiToken = daprApiToken,
                AppApiToken = appApiToken,
                LogLevel = "warn",
            };
            try
            {
                host = await SidecarHost.StartAsync(options, shared ?? Shared, NullLoggerProvider.Instance, CancellationToken.None);
                break;
            }
            catch (IOException error) when (attempt < 3 && error.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // A port found free was taken (often by an outgoing connection) before the sidecar bound it: pick others.
            }
        }
        var sidecar = new TestSidecar(host, resources, daprApiToken);
        if (waitUntilReady)
        {
            await host.WaitUntilReadyAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        return sidecar;
    }

    private static readonly HashSet<int> HandedOutPorts = [];

    /// <summary>The process-wide shared part (in-memory brokers, name directory), as one runner has.</summary>
    public static SharedRuntime Shared { get; } = new();

    /// <summary>
    /// A loopback port nobody listens on, never one this process was given before: a port is handed out released, and
    /// until its owner binds it the operating system may offer it again (an app's port, given before its sidecar's,
    /// came back as the sidecar's and the app could not start).
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOutPorts)
            {
                if (HandedOutPorts.Add(port))
                {
                    return port;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        Directory.Delete(_resources, recursive: true);
    }

    private sealed class NullLoggerProvider : ILoggerProvider
    {
        public static readonly NullLoggerProvider Instance = new();

        public ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }
    }
}
