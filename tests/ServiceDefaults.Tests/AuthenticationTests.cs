using System.Net;
using System.Net.Http.Headers;
using Ecommerce.TestSupport;

namespace Ecommerce.ServiceDefaults.Tests;

public sealed class AuthenticationTests : IAsyncLifetime
{
    private JwksServer _jwks = null!;
    private TestService _service = null!;

    private TestIdentity Identity => _jwks.Identity;

    public async Task InitializeAsync()
    {
        _jwks = await JwksServer.StartAsync();
        _service = await TestService.StartAsync(jwksUrl: _jwks.JwksUrl);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _jwks.DisposeAsync();
    }

    [Fact]
    public async Task No_token_is_401_problem()
    {
        var response = await GetAsync("/things/admin", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_token_with_the_right_role_is_let_in()
    {
        var response = await GetAsync("/things/admin", Identity.IssueToken(roles: ["admin"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_token_with_the_wrong_role_is_403()
    {
        var response = await GetAsync("/things/admin", Identity.IssueToken(roles: ["customer"]));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("customer", "/things/mine", HttpStatusCode.OK)]
    [InlineData("admin", "/things/mine", HttpStatusCode.Forbidden)]
    [InlineData("support", "/things/support", HttpStatusCode.OK)]
    [InlineData("admin", "/things/support", HttpStatusCode.OK)]
    [InlineData("customer", "/things/support", HttpStatusCode.Forbidden)]
    [InlineData("support", "/things/admin", HttpStatusCode.Forbidden)]
    public async Task Role_policies(string role, string path, HttpStatusCode expected)
    {
        var response = await GetAsync(path, Identity.IssueToken(roles: [role]));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_401()
    {
        var token = Identity.IssueToken(roles: ["admin"], expires: DateTime.UtcNow.AddMinutes(-5));

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", token)).StatusCode);
    }

    [Fact]
    public async Task A_token_from_another_issuer_is_401()
    {
        var token = Identity.IssueToken(roles: ["admin"], issuer: "https://someone-else.example");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", token)).StatusCode);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_401()
    {
        var token = Identity.IssueToken(roles: ["admin"], audience: "another-platform");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", token)).StatusCode);
    }

    [Fact]
    public async Task A_token_signed_by_another_key_with_a_known_key_id_is_401()
    {
        using var forger = new TestIdentity(keyId: Identity.SigningKey.KeyId);
        var token = Identity.IssueToken(roles: ["admin"], signWith: forger.SigningKey);

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", token)).StatusCode);
    }

    [Fact]
    public async Task An_unsigned_alg_none_token_is_401()
    {
        var token = TestIdentity.UnsignedToken("attacker", "admin");

        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", token)).StatusCode);
    }

    [Fact]
    public async Task A_garbage_token_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await GetAsync("/things/admin", "not-a-jwt")).StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await _service.Client.SendAsync(request);
    }
}
