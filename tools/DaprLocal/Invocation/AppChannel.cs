using System.Net.Sockets;
using Ecommerce.DaprLocal.Runtime;

namespace Ecommerce.DaprLocal.Invocation;

/// <summary>
/// The sidecar's connection to its app (<c>http://{app-channel-address}:{app-port}</c>), as
/// daprd's HTTP app channel: every request carries <c>dapr-api-token</c> when <c>APP_API_TOKEN</c>
/// is set; redirects are not followed; responses are streamed back as they are.
/// </summary>
public sealed class AppChannel : IDisposable
{
    public const string ApiTokenHeader = "dapr-api-token";

    private readonly SidecarOptions _options;
    private readonly HttpClient _http;

    public AppChannel(SidecarOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _http = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = options.AppPort is { } port ? new Uri($"http://{options.AppChannelAddress}:{port}") : null,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public bool Exists => _options.AppPort is not null;

    /// <summary>Waits until the app port accepts TCP connections (daprd blocks its start on this).</summary>
    public async Task WaitForAppAsync(ILogger logger, CancellationToken cancellationToken)
    {
        if (_options.AppPort is not { } port)
        {
            return;
        }
        var logged = false;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(_options.AppChannelAddress, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                if (!logged)
                {
                    SidecarLog.WaitingForApp(logger, port);
                    logged = true;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
        }
    }

    public HttpRequestMessage CreateRequest(HttpMethod method, string pathAndQuery)
    {
        if (_http.BaseAddress is null)
        {
            throw new InvalidOperationException($"app {_options.AppId} has no app port, so nothing can be sent to it.");
        }
        var request = new HttpRequestMessage(method, new Uri(_http.BaseAddress, pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
        if (_options.AppApiToken is { Length: > 0 } token)
        {
            request.Headers.TryAddWithoutValidation(ApiTokenHeader, token);
        }
        return request;
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose() => _http.Dispose();
}
