using Ecommerce.Contracts;
using Ecommerce.ServiceDefaults.Errors;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.ServiceDefaults.Auth;

/// <summary>
/// Reads a bare JWKS document (not a full OpenID discovery document) into the configuration
/// the JWT handler validates signatures with. The configuration manager around it caches the
/// keys and re-reads them when a token names a key id it does not know (key rotation). Keys that cannot be
/// read make the request a 503, not a 401 or a 500.
/// </summary>
internal sealed class JwksConfigurationRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
{
    public const string HttpClientName = "jwks";

    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(retriever);
        string document;
        try
        {
            document = await retriever.GetDocumentAsync(address, cancel);
        }
        catch (Exception error) when (error is IOException or HttpRequestException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            // Identity (or the sidecar in front of it) did not answer with its keys: no token can be checked, which is
            // not the caller's fault. Marked as an unavailable dependency (the configuration manager wraps it), it
            // becomes a 503 the caller may retry (AuthenticationExtensions).
            throw new DependencyUnavailableException(AppIds.Identity, "its signing keys (JWKS) could not be read", error);
        }
        var keys = new JsonWebKeySet(document);
        var configuration = new OpenIdConnectConfiguration { JsonWebKeySet = keys };
        foreach (var key in keys.GetSigningKeys())
        {
            configuration.SigningKeys.Add(key);
        }
        return configuration;
    }
}
