using System.Runtime.InteropServices;
using Ecommerce.DaprLocal.Cli;
using Ecommerce.DaprLocal.Resources;
using Ecommerce.DaprLocal.Runner;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal;

/// <summary>
/// DaprLocal's command line: <c>sidecar &lt;daprd flags&gt;</c> runs one Dapr-compatible sidecar;
/// <c>run -f &lt;dapr.yaml&gt; [--resources-path &lt;dir&gt;]</c> runs every app of a multi-app run file.
/// </summary>
public static class DaprLocalCommand
{
    /// <summary>Cancelled by Ctrl-C or SIGTERM; lives as long as the process, so it is never disposed.</summary>
    private static readonly CancellationTokenSource Stopping = new();

    public static async Task<int> Main(string[] args)
    {
        // Ctrl-C and SIGTERM both mean "stop everything cleanly", then return.
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        try
        {
            return args.FirstOrDefault() switch
            {
                "sidecar" => await RunSidecarAsync(args[1..], Stopping.Token),
                "run" => await RunFileAsync(args[1..], Stopping.Token),
                _ => Usage(),
            };
        }
        catch (Exception error) when (error is ResourceException or ComponentConfigurationException or ArgumentException)
        {
            Console.Error.WriteLine($"DaprLocal: {error.Message}");
            return 1;
        }
        catch (OperationCanceledException) when (Stopping.IsCancellationRequested)
        {
            // Stopped while still starting.
            return 0;
        }
    }

    private static void Stop(PosixSignalContext context)
    {
        context.Cancel = true;
        Stopping.Cancel();
    }

    private static async Task<int> RunSidecarAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var options = SidecarArguments.Parse(arguments);
        using var shared = new SharedRuntime();
        await using var sidecar = await SidecarHost.StartAsync(options, shared, new PrefixedConsoleLoggerProvider($"== DAPR - {options.AppId} =="), cancellationToken);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, sidecar.ShutdownRequested);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or /v1.0/shutdown: both end here.
        }
        return 0;
    }

    private static async Task<int> RunFileAsync(string[] arguments, CancellationToken cancellationToken)
    {
        string? file = null;
        var resources = new List<string>();
        for (var i = 0; i < arguments.Length; i++)
        {
            switch (arguments[i])
            {
                case "-f" or "--run-file" when i + 1 < arguments.Length:
                    file = arguments[++i];
                    break;
                case "--resources-path" when i + 1 < arguments.Length:
                    resources.Add(Path.GetFullPath(arguments[++i]));
                    break;
                default:
                    throw new ArgumentException($"unexpected argument '{arguments[i]}'. Usage: run -f <dapr.yaml> [--resources-path <dir>]");
            }
        }
        var runFile = RunFile.Load(file ?? throw new ArgumentException("run needs -f <dapr.yaml>."));
        return await MultiAppRunner.RunAsync(runFile, resources, cancellationToken);
    }

    private static int Usage()
    {
        Console.Error.WriteLine("""
            Usage:
              DaprLocal sidecar --app-id <id> [--app-port <port>] [--dapr-http-port <port>] [--dapr-grpc-port <port>]
                                [--resources-path <dir>]... [--config <file>] [--log-level info]
              DaprLocal run -f <dapr.yaml> [--resources-path <dir>]
            """);
        return 2;
    }
}
