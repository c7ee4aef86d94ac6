using System.Net;
using System.Net.Http.Json;
using Ecommerce.Gateway.Tests.Environment;
using Ecommerce.TestSupport;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// The gateway checks tokens (ServiceDefaults' validation, the test identity's JWKS) and each route's
/// policy before forwarding anything; refusals are problems, and a refused request never reaches the
/// service. Tokens that pass are forwarded unchanged, so the service can check again.
/// </summary>
[Collection(WithRealCatalog.Name)]
public sealed class AuthorizationTests(CatalogFixture fixture)
{
    private GatewayEnvironment Environment => fixture.Environment;

    [Fact]
    public async Task Catalog_reads_are_anonymous_and_writes_are_for_admins()
    {
        using var anonymous = Environment.Client();
        using var customer = Environment.Client("customer", "customer-1");
        using var admin = Environment.Client("admin", "admin-1");

        var read = await anonymous.GetAsync(new Uri("api/catalog/categories", UriKind.Relative));
        var (noToken, noTokenArrived) = await CreateCategoryAsync(anonymous);
        var (asCustomer, customerArrived) = await CreateCategoryAsync(customer);
        var (asAdmin, adminArrived) = await CreateCategoryAsync(admin);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        await Problems.AssertProblemAsync(noToken, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", noToken.Headers.WwwAuthenticate.Single().Scheme);
        await Problems.AssertProblemAsync(asCustomer, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, asAdmin.StatusCode);
        Assert.Equal((false, false, true), (noTokenArrived, customerArrived, adminArrived));
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("forged with another key under the same kid")]
    [InlineData("alg none")]
    [InlineData("wrong audience")]
    [InlineData("wrong issuer")]
    public async Task A_bad_admin_token_is_a_401_problem_at_the_gateway(string kind)
    {
        using var forger = new TestIdentity(Environment.Jwks.Identity.SigningKey.KeyId!);
        var identity = Environment.Jwks.Identity;
        var token = kind switch
        {
            "expired" => identity.IssueToken("admin-1", ["admin"], expires: DateTime.UtcNow.AddMinutes(-5)),
            "forged with another key under the same kid" => forger.IssueToken("admin-1", ["admin"]),
            "alg none" => TestIdentity.UnsignedToken("admin-1", "admin"),
            "wrong audience" => identity.IssueToken("admin-1", ["admin"], audience: "another-api"),
            "wrong issuer" => identity.IssueToken("admin-1", ["admin"], issuer: "someone-else"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        using var client = Environment.ClientWithToken(token);

        var (response, arrived) = await CreateCategoryAsync(client);

        await Problems.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.False(arrived, "the service was never called");
    }

    [Theory]
    [InlineData(null, "api/carts/customers/c-1", HttpStatusCode.Unauthorized)]
    [InlineData("customer", "api/carts/customers/c-1", HttpStatusCode.Forbidden)]
    [InlineData("support", "api/wishlist", HttpStatusCode.Forbidden)]
    [InlineData(null, "api/identity/me", HttpStatusCode.Unauthorized)]
    [InlineData("support", "api/identity/admin/users", HttpStatusCode.Forbidden)]
    [InlineData(null, "api/pricing/coupons", HttpStatusCode.Unauthorized)]
    [InlineData("customer", "api/inventory/items/SKU-1", HttpStatusCode.Forbidden)]
    [InlineData(null, "api/payments/methods", HttpStatusCode.Unauthorized)]
    [InlineData("support", "api/payments/mine", HttpStatusCode.Forbidden)]
    [InlineData("customer", "api/payments/p-1", HttpStatusCode.Forbidden)]
    [InlineData("customer", "api/shipping/rates", HttpStatusCode.Forbidden)]
    public async Task Each_route_has_its_policy(string? role, string path, HttpStatusCode refused)
    {
        using var client = Environment.Client(role);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        await Problems.AssertProblemAsync(response, refused);
    }

    [Theory]
    [InlineData(null, "POST", "api/inventory/availability")]
    [InlineData(null, "POST", "api/pricing/quotes")]
    [InlineData(null, "GET", "api/pricing/prices/SKU-1/EUR")]
    [InlineData("support", "GET", "api/inventory/items/SKU-1")]
    [InlineData("admin", "GET", "api/pricing/coupons")]
    public async Task Allowed_requests_reach_the_service(string? role, string method, string path)
    {
        using var client = Environment.Client(role);
        var appId = path.Split('/')[1];
        Environment.StandIn(appId).Respond = (_, _) => Task.FromResult(Results.Ok(new { ok = true }));
        var before = Environment.StandIn(appId).CallsTo("/" + path);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before + 1, Environment.StandIn(appId).CallsTo("/" + path));
    }

    private async Task<(HttpResponseMessage Response, bool Arrived)> CreateCategoryAsync(HttpClient client)
    {
        var id = $"cat-{Guid.NewGuid():N}"[..16];
        var response = await client.PostAsJsonAsync("api/catalog/categories", new { id, name = id });
        return (response, Environment.Catalog!.Requests.Any(request => request.Method == "POST" && request.Body.Contains(id, StringComparison.Ordinal)));
    }
}
