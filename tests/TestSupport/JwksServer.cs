using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.TestSupport;

/// <summary>Serves a <see cref="TestIdentity"/>'s JWKS at <see cref="JwksUrl"/>, as the identity service will.</summary>
public sealed class JwksServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;

    private JwksServer(LoopbackServer server, TestIdentity identity)
    {
        _server = server;
        Identity = identity;
    }

    public TestIdentity Identity { get; }

    public Uri JwksUrl => new(_server.Address, ".well-known/jwks.json");

    public static async Task<JwksServer> StartAsync()
    {
        var identity = new TestIdentity();
        var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/.well-known/jwks.json", () => Results.Text(identity.JwksJson(), "application/json")));
        return new JwksServer(server, identity);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Identity.Dispose();
    }
}
