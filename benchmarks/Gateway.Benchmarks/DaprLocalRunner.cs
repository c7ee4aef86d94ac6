using System.Diagnostics;
using System.Globalization;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// DaprLocal's multi-app runner (<c>run -f &lt;file&gt; --resources-path &lt;dir&gt;</c>) as a process of its
/// own, as <c>./run.sh</c> starts it: it hosts the sidecars and starts each app's command. Its output
/// (the apps' included) is kept, last lines only, for when something does not come up. Stopping sends
/// SIGTERM, on which the runner stops its apps and sidecars, then kills the whole tree if it is still running.
/// </summary>
internal sealed class DaprLocalRunner : IAsyncDisposable
{
    private const int TailLines = 40;

    /// <summary>Longer than the runner's own grace for its apps (10 s), so that it can finish stopping them.</summary>
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);

    private readonly Process _process;
    private readonly Queue<string> _tail = new();

    private DaprLocalRunner(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <param name="dotnet">The <c>dotnet</c> host.</param>
    /// <param name="runnerAssembly">DaprLocal's build output, <c>Ecommerce.DaprLocal.dll</c>.</param>
    /// <param name="runFile">The multi-app run file.</param>
    /// <param name="resources">Every sidecar's resources path.</param>
    /// <param name="nameDirectory">Where the sidecars find each other (<c>DAPRLOCAL_DIRECTORY</c>): one of the benchmark's own.</param>
    public static DaprLocalRunner Start(string dotnet, string runnerAssembly, string runFile, string resources, string nameDirectory)
    {
        var start = new ProcessStartInfo(dotnet)
        {
            ArgumentList = { runnerAssembly, "run", "-f", runFile, "--resources-path", resources },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DAPRLOCAL_DIRECTORY"] = nameDirectory;
        // The apps inherit the runner's environment: they must find their own sidecar (DAPR_HTTP_PORT
        // from the runner), never an endpoint left in the caller's shell.
        start.Environment.Remove("DAPR_HTTP_ENDPOINT");
        start.Environment.Remove("DAPR_GRPC_ENDPOINT");

        var process = new Process { StartInfo = start };
        var runner = new DaprLocalRunner(process);
        process.OutputDataReceived += (_, line) => runner.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => runner.Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return runner;
    }

    /// <summary>The runner's last lines of output (sidecars at warn, apps at Warning).</summary>
    public string Tail()
    {
        lock (_tail)
        {
            return _tail.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _tail);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopAsync();
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task StopAsync()
    {
        if (!OperatingSystem.IsWindows())
        {
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            await (term?.WaitForExitAsync() ?? Task.CompletedTask);
            using var grace = new CancellationTokenSource(StopGrace);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
                return;
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine($"DaprLocal's runner did not stop within {StopGrace.TotalSeconds:0} s of SIGTERM; killing its process tree.");
            }
        }
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_tail)
        {
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
