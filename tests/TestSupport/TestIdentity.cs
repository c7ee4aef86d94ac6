using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.TestSupport;

/// <summary>
/// Stands in for the identity service in tests: an RSA signing key with a key id, its JWKS
/// document, and access tokens shaped like the identity service's (issuer, audience,
/// <c>sub</c>, <c>role</c>, short lifetime).
/// </summary>
public sealed class TestIdentity : IDisposable
{
    public const string Issuer = "ecommerce-identity";
    public const string Audience = "ecommerce";

    private readonly RSA _rsa = RSA.Create(2048);

    public TestIdentity(string keyId = "test-key-1")
    {
        SigningKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public RsaSecurityKey SigningKey { get; }

    /// <summary>The public half of the key as a JWKS document.</summary>
    public string JwksJson()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = SigningKey.KeyId });
        jwk.Use = "sig";
        jwk.Alg = SecurityAlgorithms.RsaSha256;
        return JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, use = jwk.Use, alg = jwk.Alg, kid = jwk.Kid, n = jwk.N, e = jwk.E } },
        });
    }

    public string IssueToken(
        string subject = "user-1",
        IEnumerable<string>? roles = null,
        string issuer = Issuer,
        string audience = Audience,
        DateTime? expires = null,
        SecurityKey? signWith = null)
    {
        var now = DateTime.UtcNow;
        var expiry = expires ?? now.AddMinutes(5);
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange((roles ?? []).Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = expiry < now ? expiry.AddMinutes(-5) : now,
            NotBefore = expiry < now ? expiry.AddMinutes(-5) : now,
            Expires = expiry,
            SigningCredentials = new SigningCredentials(signWith ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A well-formed token with <c>alg: none</c> and no signature.</summary>
    public static string UnsignedToken(string subject, params string[] roles)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        var expires = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var payload = Base64UrlEncoder.Encode(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["sub"] = subject,
            ["role"] = roles,
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["exp"] = expires,
        }));
        return $"{header}.{payload}.";
    }

    public void Dispose() => _rsa.Dispose();
}
