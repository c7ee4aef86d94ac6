using System.Text.Json.Serialization;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// The documents other services and clients discover the issuer with: the JWKS (every service's
/// ServiceDefaults reads it through its own sidecar to validate access tokens) and an OpenID-style
/// configuration. Anonymous.
/// </summary>
public static class DiscoveryApi
{
    public const string JwksPath = "/.well-known/jwks.json";
    public const string ConfigurationPath = "/.well-known/openid-configuration";

    public static IEndpointRouteBuilder MapDiscoveryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(JwksPath, GetJwks)
            .WithTags("Discovery")
            .WithName("GetJwks")
            .WithSummary("The public keys that verify access tokens")
            .WithDescription("The current signing key and the retired ones still trusted (EC P-256, ES256), by key id (RFC 7638 thumbprint). Cacheable for 5 minutes; 503 while the keys are not loaded.")
            .AllowAnonymous();

        app.MapGet(ConfigurationPath, GetConfiguration)
            .WithTags("Discovery")
            .WithName("GetOpenIdConfiguration")
            .WithSummary("The issuer's discovery document")
            .AllowAnonymous();

        return app;
    }

    public static Results<Ok<JsonWebKeySetDocument>, ProblemHttpResult> GetJwks(SigningKeys keys, HttpContext http)
    {
        if (!keys.IsAvailable)
        {
            http.Response.Headers.RetryAfter = "5";
            return Problems.KeysUnavailable("signing key");
        }
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Ok(new JsonWebKeySetDocument([.. keys.PublicKeys.Select(key =>
            new EcJsonWebKey("EC", "P-256", key.X, key.Y, key.KeyId, "sig", SecurityAlgorithms.EcdsaSha256))]));
    }

    public static Ok<OpenIdConfiguration> GetConfiguration(IOptions<JwtOptions> jwt, IOptions<IdentityOptions> options, HttpContext http)
    {
        var baseUrl = Callers.PublicBaseUrl(http, options.Value);
        return TypedResults.Ok(new OpenIdConfiguration(
            Issuer: jwt.Value.Issuer,
            JwksUri: baseUrl + JwksPath,
            TokenEndpoint: baseUrl + "/api/identity/login",
            IdTokenSigningAlgValuesSupported: [SecurityAlgorithms.EcdsaSha256],
            ResponseTypesSupported: ["token"],
            SubjectTypesSupported: ["public"],
            GrantTypesSupported: ["password", "refresh_token"],
            ClaimsSupported: ["sub", "role", "email", "email_verified", "sid", "jti", "iss", "aud", "iat", "nbf", "exp"]));
    }
}

public sealed record JsonWebKeySetDocument(IReadOnlyList<EcJsonWebKey> Keys);

public sealed record EcJsonWebKey(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);

/// <summary>Names in snake case as OpenID Connect Discovery spells them (the camelCase convention would rename them).</summary>
public sealed record OpenIdConfiguration(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypesSupported,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> ClaimsSupported);
