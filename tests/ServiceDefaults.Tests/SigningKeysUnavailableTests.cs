using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.ServiceDefaults.Tests;

/// <summary>
/// A service that cannot read identity's signing keys cannot check any token. That is not the caller's fault: it
/// answers 503 with the reason (the caller may retry), never a 401 that blames the token nor a 500.
/// </summary>
public sealed class SigningKeysUnavailableTests
{
    [Fact]
    public async Task Keys_answered_with_an_error_make_a_signed_request_503()
    {
        await using var identity = await LoopbackServer.StartAsync(app =>
            app.MapGet("/.well-known/jwks.json", () => Results.StatusCode(StatusCodes.Status503ServiceUnavailable)));

        await AssertUnavailableAsync(new Uri(identity.Address, ".well-known/jwks.json"));
    }

    [Fact]
    public async Task Keys_nobody_answers_for_make_a_signed_request_503()
    {
        await AssertUnavailableAsync(new Uri($"http://127.0.0.1:{TestSidecar.FreePort()}/.well-known/jwks.json"));
    }

    [Fact]
    public async Task A_request_without_a_token_is_still_401_without_the_keys()
    {
        await using var service = await TestService.StartAsync(jwksUrl: new Uri($"http://127.0.0.1:{TestSidecar.FreePort()}/.well-known/jwks.json"));

        var response = await service.Client.GetAsync(new Uri("/things/admin", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task AssertUnavailableAsync(Uri jwksUrl)
    {
        await using var service = await TestService.StartAsync(jwksUrl: jwksUrl);
        using var issuer = new TestIdentity();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/things/admin", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.IssueToken(roles: ["admin"]));

        var response = await service.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("signing keys", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
