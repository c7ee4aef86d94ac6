using System.Security.Cryptography;
using Ecommerce.Contracts;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Identity.Tests.Unit;

public sealed class AccessTokenTests
{
    /// <summary>The rules of ServiceDefaults' AddDefaultAuthentication, with the given keys.</summary>
    public static TokenValidationParameters ServiceDefaultsRules(IEnumerable<SecurityKey> keys) => new()
    {
        ValidIssuer = "ecommerce-identity",
        ValidAudience = "ecommerce",
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = "sub",
        RoleClaimType = "role",
        IssuerSigningKeys = keys,
    };

    private static readonly UserAccount Ada = new()
    {
        Id = "user-ada",
        Email = "ada@example.com",
        Name = "Ada",
        PasswordHash = "pbkdf2-sha256$1$AA==$AA==",
        Roles = [Roles.Customer, Roles.Support],
        EmailVerified = true,
    };

    private static AccessTokenIssuer Issuer(SigningKeys keys) =>
        new(keys, Options.Create(new JwtOptions()), Options.Create(new IdentityOptions { AccessTokenLifetime = TimeSpan.FromMinutes(7) }), TimeProvider.System);

    [Fact]
    public async Task An_access_token_is_ES256_with_the_thumbprint_as_kid_and_validates_under_the_service_defaults_rules()
    {
        var keys = new SigningKeys();
        keys.Load(TestKeys.NewSigningKeyPem(), null);
        var published = keys.PublicKeys.Single();
        var jwk = new JsonWebKey { Kty = "EC", Crv = "P-256", X = published.X, Y = published.Y, Kid = published.KeyId };

        var issued = Issuer(keys).Issue(Ada, "session-1");
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(issued.Token, ServiceDefaultsRules([jwk]));

        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal(("ES256", published.KeyId), (token.Alg, token.Kid));
        Assert.Equal(Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()), published.KeyId);
        Assert.Equal(420, issued.ExpiresIn);
        Assert.Equal(TimeSpan.FromMinutes(7), token.ValidTo - token.IssuedAt);
        Assert.Equal(token.IssuedAt, token.ValidFrom);
        var identity = result.ClaimsIdentity;
        Assert.Equal("user-ada", identity.Name);
        Assert.Equal([Roles.Customer, Roles.Support], identity.FindAll("role").Select(claim => claim.Value));
        Assert.Equal("ada@example.com", identity.FindFirst("email")?.Value);
        Assert.Equal("true", identity.FindFirst("email_verified")?.Value);
        Assert.Equal("session-1", identity.FindFirst("sid")?.Value);
        Assert.Matches("^[0-9a-f]{32}$", identity.FindFirst("jti")?.Value);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_with_the_same_kid_does_not_validate()
    {
        var keys = new SigningKeys();
        keys.Load(TestKeys.NewSigningKeyPem(), null);
        var published = keys.PublicKeys.Single();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var forger = new SigningKeys();
        forger.Load(other.ExportPkcs8PrivateKeyPem(), null);
        var forged = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "ecommerce-identity",
            Audience = "ecommerce",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["sub"] = "user-ada", ["role"] = new[] { Roles.Admin } },
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(other) { KeyId = published.KeyId }, SecurityAlgorithms.EcdsaSha256),
        });

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(forged,
            ServiceDefaultsRules([new JsonWebKey { Kty = "EC", Crv = "P-256", X = published.X, Y = published.Y, Kid = published.KeyId }]));

        Assert.False(result.IsValid);
    }

    [Fact]
    public void Retired_keys_are_published_but_never_sign()
    {
        var current = TestKeys.NewSigningKeyPem();
        using var retiredPrivate = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var retiredPublic = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var keys = new SigningKeys();

        keys.Load(current, retiredPrivate.ExportPkcs8PrivateKeyPem() + "\n" + retiredPublic.ExportSubjectPublicKeyInfoPem() + "\n" + current);

        Assert.Equal(3, keys.PublicKeys.Count);
        Assert.Equal(keys.PublicKeys[0].KeyId, keys.Current.Key.KeyId);
        Assert.Equal(EcPublicKey.Of(retiredPrivate).KeyId, keys.PublicKeys[1].KeyId);
        Assert.Equal(EcPublicKey.Of(retiredPublic).KeyId, keys.PublicKeys[2].KeyId);
    }

    [Fact]
    public void A_signing_key_that_is_missing_public_not_P256_or_not_EC_is_refused_without_being_loaded()
    {
        using var publicOnly = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);
        var keys = new SigningKeys();

        Assert.Throws<FormatException>(() => keys.Load("not a pem", null));
        Assert.Throws<FormatException>(() => keys.Load(publicOnly.ExportSubjectPublicKeyInfoPem(), null));
        Assert.Throws<FormatException>(() => keys.Load(p384.ExportPkcs8PrivateKeyPem(), null));
        Assert.Throws<FormatException>(() => keys.Load(rsa.ExportPkcs8PrivateKeyPem(), null));
        Assert.Throws<FormatException>(() => keys.Load(TestKeys.NewSigningKeyPem() + TestKeys.NewSigningKeyPem(), null));
        Assert.False(keys.IsAvailable);
        Assert.Throws<KeyMaterialUnavailableException>(() => keys.Current);
    }
}
