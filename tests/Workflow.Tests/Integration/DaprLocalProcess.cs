using System.Diagnostics;
using System.Net;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// DaprLocal as its own process (<c>dotnet Ecommerce.DaprLocal.dll sidecar ...</c>), on fixed ports
/// so that it can be killed outright and started again where the app expects it.
/// </summary>
public sealed class DaprLocalProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _start;
    private readonly int _httpPort;
    private Process? _process;

    public DaprLocalProcess(string appId, string resourcesDirectory)
    {
        _httpPort = TestSidecar.FreePort();
        GrpcPort = TestSidecar.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Ecommerce.DaprLocal.dll");
        _start = new ProcessStartInfo("dotnet",
        [
            dll, "sidecar", "--app-id", appId, "--dapr-http-port", $"{_httpPort}", "--dapr-grpc-port", $"{GrpcPort}",
            "--resources-path", resourcesDirectory, "--log-level", "warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
    }

    public int GrpcPort { get; }

    public async Task StartAsync()
    {
        _process = Process.Start(_start) ?? throw new InvalidOperationException("DaprLocal did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{_httpPort}/v1.0/healthz/outbound"));
                return response.StatusCode == HttpStatusCode.NoContent;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "DaprLocal sidecar process ready");
    }

    /// <summary>SIGKILL: no shutdown, no flushing — what a crash or an OOM kill does.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
