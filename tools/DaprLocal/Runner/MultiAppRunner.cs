using System.Net;
using System.Net.Sockets;
using Ecommerce.DaprLocal.Cli;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Runner;

/// <summary>
/// <c>run -f dapr.yaml</c>: one sidecar per app inside this process, then each app's command with
/// the environment the Dapr CLI gives it (<c>APP_ID</c>, <c>APP_PORT</c>, <c>DAPR_HTTP_PORT</c>,
/// <c>DAPR_GRPC_PORT</c>, <c>APP_PROTOCOL</c>, the run file's <c>env</c>, and this process's own
/// environment, tokens included). Ctrl-C stops everything; an app that exits on its own is
/// reported, everything is stopped, and the exit code is 1.
/// </summary>
public static class MultiAppRunner
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(RunFile runFile, IReadOnlyList<string> resourcesOverride, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runFile);
        using var shared = new SharedRuntime();
        var sidecars = new List<SidecarHost>();
        var apps = new List<AppProcess>();
        var exitCode = 0;
        try
        {
            foreach (var app in runFile.Apps)
            {
                var options = new SidecarOptions
                {
                    AppId = app.AppId,
                    AppPort = app.AppPort,
                    AppProtocol = app.AppProtocol,
                    AppChannelAddress = app.AppChannelAddress,
                    HttpPort = app.DaprHttpPort ?? FreePort(),
                    GrpcPort = app.DaprGrpcPort ?? FreePort(),
                    ResourcesPaths = resourcesOverride.Count > 0 ? resourcesOverride : app.ResourcesPaths,
                    ConfigPath = app.ConfigPath,
                    LogLevel = app.LogLevel,
                    DaprApiToken = EnvironmentValue("DAPR_API_TOKEN"),
                    AppApiToken = EnvironmentValue("APP_API_TOKEN"),
                };
                sidecars.Add(await SidecarHost.StartAsync(options, shared, new PrefixedConsoleLoggerProvider($"== DAPR - {app.AppId} =="), cancellationToken));
            }

            foreach (var (app, sidecar) in runFile.Apps.Zip(sidecars))
            {
                if (app.Command.Count > 0)
                {
                    apps.Add(AppProcess.Start(app, AppEnvironment(app, sidecar.Options)));
                }
            }
            Console.Out.WriteLine($"== DaprLocal == running {runFile.Apps.Count} app(s) from {runFile.Path}; Ctrl-C stops them.");

            var stop = Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => "", TaskScheduler.Default);
            var exits = apps.Select(a => a.Exited.ContinueWith(exit => $"app '{a.AppId}' exited with code {exit.Result}", TaskScheduler.Default));
            // A sidecar that cannot finish starting (for instance actors without an actor state store) stops the run too.
            var sidecarFailure = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            foreach (var sidecar in sidecars)
            {
                _ = sidecar.WaitUntilReadyAsync().ContinueWith(
                    ready => sidecarFailure.TrySetResult($"sidecar of '{sidecar.Options.AppId}' failed: {ready.Exception!.GetBaseException().Message}"),
                    CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }
            var reason = await await Task.WhenAny(exits.Append(sidecarFailure.Task).Append(stop));
            // Ctrl-C in a terminal reaches the apps too (same process group): an app that exits a
            // moment before this process sees the signal is stopping, not crashing.
            if (reason.Length > 0 && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }
            if (reason.Length > 0 && !cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine($"== DaprLocal == {reason}; stopping everything.");
                exitCode = 1;
            }
        }
        finally
        {
            await Task.WhenAll(apps.Select(app => app.StopAsync(StopGrace)));
            foreach (var app in apps)
            {
                app.Dispose();
            }
            foreach (var sidecar in Enumerable.Reverse(sidecars))
            {
                await sidecar.DisposeAsync();
            }
        }
        return exitCode;
    }

    private static Dictionary<string, string> AppEnvironment(RunFileApp app, SidecarOptions sidecar)
    {
        var env = new Dictionary<string, string>(app.Env, StringComparer.Ordinal)
        {
            ["APP_ID"] = app.AppId,
            ["DAPR_HTTP_PORT"] = sidecar.HttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DAPR_GRPC_PORT"] = sidecar.GrpcPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["APP_PROTOCOL"] = app.AppProtocol,
        };
        if (app.AppPort is { } port)
        {
            env["APP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (app.AppChannelAddress != "127.0.0.1")
        {
            env["APP_CHANNEL_ADDRESS"] = app.AppChannelAddress;
        }
        return env;
    }

    private static string? EnvironmentValue(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
