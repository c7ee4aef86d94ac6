using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Gateway.Benchmarks;

/// <summary>
/// Stands in for the identity service: serves a JWKS on loopback and signs the one admin token the
/// benchmark needs to create its product. Reads are anonymous, so the measured requests carry no token.
/// </summary>
internal sealed class BenchmarkIdentity : IAsyncDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly WebApplication _jwks;

    private BenchmarkIdentity(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        _jwks = builder.Build();
        var key = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_rsa.ExportParameters(false)) { KeyId = "bench" });
        var document = JsonSerializer.Serialize(new { keys = new[] { new { kty = key.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = key.Kid, n = key.N, e = key.E } } });
        _jwks.MapGet("/.well-known/jwks.json", () => Results.Text(document, "application/json"));
        JwksUrl = new Uri($"http://127.0.0.1:{port}/.well-known/jwks.json");
    }

    public Uri JwksUrl { get; }

    public static async Task<BenchmarkIdentity> StartAsync()
    {
        var identity = new BenchmarkIdentity(FreePort.Next());
        await identity._jwks.StartAsync();
        return identity;
    }

    public string AdminToken() => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "ecommerce-identity",
        Audience = "ecommerce",
        Subject = new ClaimsIdentity([new Claim("sub", "bench-admin"), new Claim("role", "admin")]),
        Expires = DateTime.UtcNow.AddHours(1),
        SigningCredentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "bench" }, SecurityAlgorithms.RsaSha256),
    });

    public async ValueTask DisposeAsync()
    {
        await _jwks.DisposeAsync();
        _rsa.Dispose();
    }
}
