using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Tests.Environment;
using Ecommerce.TestSupport;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// The real identity, catalog and gateway together, each beside its own sidecar with the production
/// app ids and token validation (every service reads identity's JWKS through its own sidecar), used
/// only through the gateway's port: identity's tokens are what the gateway and the services check.
/// </summary>
public sealed class PlatformTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Password = "correct horse battery";

    private PlatformEnvironment Environment => fixture.Environment;

    [Fact]
    public async Task The_seeded_admin_creates_a_product_that_catalog_accepts_and_a_customer_may_not()
    {
        using var client = Environment.Client();

        // The seeded admin (PlatformEnvironment waited for it) gets an ES256 token.
        var login = await PostAsync(client, "api/identity/login", new { email = PlatformEnvironment.AdminEmail, password = Environment.AdminPassword });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var admin = (await JsonAsync(login)).GetProperty("accessToken").GetString()!;
        Assert.Equal("ES256", new JsonWebToken(admin).Alg);

        // Admin-only at the gateway and again at catalog, each with the keys it read from identity through its own sidecar.
        var categoryId = $"cat-{Guid.NewGuid():N}"[..16];
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, "api/catalog/categories", new { id = categoryId, name = "Shoes" }, admin)).StatusCode);
        var created = await PostAsync(client, "api/catalog/products", Product(categoryId), admin);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var productId = (await JsonAsync(created)).GetProperty("id").GetString()!;
        Assert.Contains(Environment.Catalog.Requests, r => r.Method == "POST" && r.Path == "/api/catalog/products" && r.Header("Authorization") == $"Bearer {admin}");
        // The gateway's own read, not a client's proxied by it (which carries the client request's correlation id).
        Assert.Contains(Environment.Identity.Requests, r => r.Path == "/.well-known/jwks.json" && r.Header("dapr-caller-app-id") == AppIds.Gateway && r.Header("X-Correlation-Id") is null);
        Assert.Contains(Environment.Identity.Requests, r => r.Path == "/.well-known/jwks.json" && r.Header("dapr-caller-app-id") == AppIds.Catalog);
        Assert.Equal(await CurrentKeyIdAsync(client), new JsonWebToken(admin).Kid);

        // A customer: signed in, but not an admin. The gateway refuses; catalog never sees the request.
        var (email, customer, _) = await NewCustomerAsync(client);
        var refused = await PostAsync(client, "api/catalog/products", Product(categoryId), customer);
        await Problems.AssertProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.DoesNotContain(Environment.Catalog.Requests, r => r.Header("Authorization") == $"Bearer {customer}");
        var me = await SendAsync(client, HttpMethod.Get, "api/identity/me", token: customer);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(email, (await JsonAsync(me)).GetProperty("email").GetString());

        // Anyone reads the product page; pricing and inventory do not run here, so it is partial.
        var page = await client.GetAsync(new Uri($"api/storefront/products/{productId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var view = await JsonAsync(page);
        Assert.Equal(productId, view.GetProperty("product").GetProperty("id").GetString());
        Assert.Equal(["inventory", "pricing"], view.GetProperty("missing").EnumerateArray().Select(part => part.GetString()!).Order());
        Assert.True(page.Headers.Contains("Warning"));
    }

    [Fact]
    public async Task Forged_and_unsigned_tokens_are_refused_at_the_gateway_and_a_refresh_token_works_once()
    {
        using var client = Environment.Client();
        var (_, access, refresh) = await NewCustomerAsync(client);
        var keyId = await CurrentKeyIdAsync(client);

        // The genuine token's header and claims (identity's current kid, ES256) under another P-256 key's signature.
        var forged = ResignedWithAnotherKey(access);
        Assert.Equal(keyId, new JsonWebToken(forged).Kid);
        var unsigned = TestIdentity.UnsignedToken(new JsonWebToken(access).Subject, Roles.Customer);
        foreach (var token in new[] { forged, unsigned })
        {
            var response = await SendAsync(client, HttpMethod.Get, "api/identity/me", token: token);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain(Environment.Identity.Requests, r => r.Header("Authorization") == $"Bearer {token}");
        }
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "api/identity/me", token: access)).StatusCode);

        // Refresh rotates the refresh token; the old one presented again is refused.
        var rotated = await PostAsync(client, "api/identity/token/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var tokens = await JsonAsync(rotated);
        Assert.NotEqual(refresh, tokens.GetProperty("refreshToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(client, HttpMethod.Get, "api/identity/me", token: tokens.GetProperty("accessToken").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "api/identity/token/refresh", new { refreshToken = refresh })).StatusCode);
    }

    /// <summary>Registers a customer and signs in, through the gateway: (email, access token, refresh token).</summary>
    private static async Task<(string Email, string Access, string Refresh)> NewCustomerAsync(HttpClient client)
    {
        var email = $"customer-{Guid.NewGuid():N}@example.test";
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(client, "api/identity/register", new { email, password = Password, name = "Ada Lovelace" })).StatusCode);
        var login = await PostAsync(client, "api/identity/login", new { email, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var tokens = await JsonAsync(login);
        return (email, tokens.GetProperty("accessToken").GetString()!, tokens.GetProperty("refreshToken").GetString()!);
    }

    /// <summary>The key id identity signs with now: the first key of its JWKS, read through the gateway.</summary>
    private static async Task<string> CurrentKeyIdAsync(HttpClient client)
    {
        var jwks = JsonDocument.Parse(await client.GetStringAsync(new Uri(".well-known/jwks.json", UriKind.Relative))).RootElement;
        return jwks.GetProperty("keys")[0].GetProperty("kid").GetString()!;
    }

    private static string ResignedWithAnotherKey(string token)
    {
        var signed = token[..token.LastIndexOf('.')];
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        // JWS ES256 signatures are r || s (IEEE P1363), .NET's default format.
        return $"{signed}.{Base64Url.EncodeToString(other.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256))}";
    }

    private static object Product(string categoryId) => new
    {
        name = "Trail Runner",
        slug = $"trail-runner-{Guid.NewGuid():N}",
        description = "Runs trails.",
        brand = "Acme",
        categoryId,
        status = "active",
        variants = new[] { new { sku = $"TR-{Guid.NewGuid():N}"[..12], options = new Dictionary<string, string> { ["size"] = "42" }, weightGrams = 700 } },
    };

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object body, string? token = null) =>
        SendAsync(client, HttpMethod.Post, path, body, token);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

/// <summary>One <see cref="PlatformEnvironment"/> for the tests of <see cref="PlatformTests"/>; each test owns its users and products.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    internal PlatformEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() => Environment = await PlatformEnvironment.StartAsync();

    public async Task DisposeAsync() => await Environment.DisposeAsync();
}
