using Ecommerce.DaprLocal.Runtime;
using Microsoft.Extensions.Logging.Abstractions;

namespace Ecommerce.DaprLocal.Benchmarks;

/// <summary>A DaprLocal sidecar in this process on free loopback ports, started as the runner starts one and waited on until ready.</summary>
internal sealed class BenchmarkSidecar : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);

    private BenchmarkSidecar(SidecarHost host) => Host = host;

    public SidecarHost Host { get; }

    public string AppId => Host.Options.AppId;

    public Uri HttpEndpoint => new($"http://127.0.0.1:{Host.Options.HttpPort}");

    public Uri GrpcEndpoint => new($"http://127.0.0.1:{Host.Options.GrpcPort}");

    /// <summary>
    /// Starts the sidecar and waits until it is ready. <c>startApp</c>, if given, starts the app
    /// once the sidecar listens and before that wait — a sidecar is only ready once its app
    /// answers, and an actor app must know its sidecar's address.
    /// </summary>
    public static async Task<BenchmarkSidecar> StartAsync(string appId, string resourcesPath, int? appPort, SharedRuntime shared, Func<BenchmarkSidecar, Task>? startApp = null)
    {
        var options = new SidecarOptions
        {
            AppId = appId,
            AppPort = appPort,
            HttpPort = FreePort.Next(),
            GrpcPort = FreePort.Next(),
            ResourcesPaths = [resourcesPath],
            // Logging is off in the measured path: a console logger would measure the console.
            LogLevel = "warn",
        };
        SidecarHost host;
        try
        {
            host = await SidecarHost.StartAsync(options, shared, NullLoggerProvider.Instance, CancellationToken.None);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            throw new BenchmarkFailureException($"sidecar {appId} did not start: {error.Message}", error);
        }
        var sidecar = new BenchmarkSidecar(host);
        try
        {
            if (startApp is not null)
            {
                await startApp(sidecar);
            }
            await host.WaitUntilReadyAsync().WaitAsync(ReadyTimeout);
        }
        catch (TimeoutException error)
        {
            await sidecar.DisposeAsync();
            throw new BenchmarkFailureException($"sidecar {appId} was not ready within {ReadyTimeout.TotalSeconds:0} s.", error);
        }
        catch
        {
            await sidecar.DisposeAsync();
            throw;
        }
        return sidecar;
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
