using System.Diagnostics;
using System.Globalization;

namespace Ecommerce.EndToEnd.Tests.Platform;

/// <summary>
/// One service of dapr.yaml as its own process, started from its build output the way the Dapr CLI starts
/// it (the sidecar's ports in <c>DAPR_HTTP_PORT</c>/<c>DAPR_GRPC_PORT</c>, the run file's <c>env</c>), with
/// its output in a log file that a failing test prints. It can be killed outright and started again.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly string _logFile;
    private Process? _process;
    private StreamWriter? _log;

    public ServiceProcess(string appId, string assembly, string workingDirectory, int port, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        AppId = appId;
        Port = port;
        _logFile = logFile;
        _start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _start.ArgumentList.Add(assembly);
        _start.ArgumentList.Add("--urls");
        _start.ArgumentList.Add($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        foreach (var (key, value) in environment)
        {
            _start.Environment[key] = value;
        }
    }

    public string AppId { get; }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public void Start()
    {
        _log ??= new StreamWriter(_logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = _start };
        process.OutputDataReceived += (_, line) => Write(line.Data);
        process.ErrorDataReceived += (_, line) => Write(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Write($"---- started, pid {process.Id}");
    }

    /// <summary>SIGKILL: no shutdown hooks, no draining, as when a node dies.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Write("---- killed");
        }
    }

    /// <summary>The last lines of the service's output, for a failing test's message.</summary>
    public string Tail(int lines = 40)
    {
        lock (_start)
        {
            _log?.Flush();
        }
        using var reader = new StreamReader(new FileStream(_logFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        var all = reader.ReadToEnd().Split('\n');
        return $"== {AppId} ==\n" + string.Join('\n', all.TakeLast(lines));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        if (_log is not null)
        {
            await _log.DisposeAsync();
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_start)
        {
            _log?.WriteLine(line);
        }
    }
}
