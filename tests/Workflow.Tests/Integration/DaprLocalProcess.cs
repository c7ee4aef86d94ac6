using System.Net;
using Ecommerce.TestSupport.Sidecars;

namespace Ecommerce.Workflow.Tests.Integration;

/// <summary>
/// DaprLocal as its own process (<c>dotnet Ecommerce.DaprLocal.dll sidecar ...</c>), on fixed ports
/// so that it can be killed outright and started again where the app expects it.
/// </summary>
public sealed class DaprLocalProcess(string appId, string resourcesDirectory) : IAsyncDisposable
{
    private readonly int _httpPort = TestSidecar.FreePort();
    private ChildProcess? _process;

    public int GrpcPort { get; } = TestSidecar.FreePort();

    public async Task StartAsync()
    {
        _process = ChildProcess.Start("Ecommerce.DaprLocal.dll",
        [
            "sidecar", "--app-id", appId, "--dapr-http-port", $"{_httpPort}", "--dapr-grpc-port", $"{GrpcPort}",
            "--resources-path", resourcesDirectory, "--log-level", "warn",
        ]);
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

    public async Task KillAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
