using System.Net;
using System.Net.Http.Json;
using Ecommerce.Contracts;
using Ecommerce.Gateway.Tests.Environment;

namespace Ecommerce.Gateway.Tests;

/// <summary>
/// Small configured limits: the general one per signed-in user (else per IP), the stricter one on
/// the identity service's anonymous endpoints per IP. A refusal is a 429 problem with Retry-After,
/// and the service is not called.
/// </summary>
public sealed class RateLimitTests
{
    private static readonly Dictionary<string, string> SmallLimits = new()
    {
        ["Gateway:RateLimits:General:TokenLimit"] = "5",
        ["Gateway:RateLimits:General:TokensPerPeriod"] = "5",
        ["Gateway:RateLimits:General:ReplenishmentPeriod"] = "00:01:00",
        ["Gateway:RateLimits:Auth:PermitLimit"] = "2",
        ["Gateway:RateLimits:Auth:Window"] = "00:01:00",
    };

    [Fact]
    public async Task The_general_limit_is_per_user_and_answers_429_with_retry_after()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Catalog], settings: SmallLimits);
        using var alice = environment.Client("customer", "alice");
        using var bob = environment.Client("customer", "bob");
        using var anonymous = environment.Client();

        var aliceStatuses = await StatusesAsync(alice, HttpMethod.Get, "api/catalog/products", 6);
        var bobStatuses = await StatusesAsync(bob, HttpMethod.Get, "api/catalog/products", 5);
        var anonymousStatuses = await StatusesAsync(anonymous, HttpMethod.Get, "api/catalog/products", 5);
        var refused = await alice.GetAsync(new Uri("api/catalog/products", UriKind.Relative));
        // The gateway's own endpoints count too: the services' OpenAPI documents are no exception.
        var document = await anonymous.GetAsync(new Uri("openapi/catalog.json", UriKind.Relative));

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), HttpStatusCode.TooManyRequests], aliceStatuses);
        Assert.All(bobStatuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(anonymousStatuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var problem = await Problems.AssertProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Equal("Too many requests", problem.GetProperty("title").GetString());
        Assert.Equal(TimeSpan.FromMinutes(1), refused.Headers.RetryAfter?.Delta);
        await Problems.AssertProblemAsync(document, HttpStatusCode.TooManyRequests);
        Assert.Equal(15, environment.StandIn(AppIds.Catalog).CallsTo("/api/catalog/products"));
        Assert.Equal(0, environment.StandIn(AppIds.Catalog).CallsTo("/swagger/v1/swagger.json"));
    }

    [Fact]
    public async Task Sign_in_and_registration_have_a_stricter_limit_per_address()
    {
        await using var environment = await GatewayEnvironment.StartAsync(standIns: [AppIds.Identity], settings: SmallLimits);
        using var anonymous = environment.Client();
        using var signedIn = environment.Client("customer", "carol");

        var logins = await StatusesAsync(anonymous, HttpMethod.Post, "api/identity/login", 3);
        // The limit is per address: a token does not give another partition on these endpoints.
        var register = await signedIn.PostAsJsonAsync("api/identity/register", new { email = "x@example.com" });
        // The general limit still has room: other routes are not affected.
        var me = await signedIn.GetAsync(new Uri("api/identity/me", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], logins);
        await Problems.AssertProblemAsync(register, HttpStatusCode.TooManyRequests);
        Assert.NotNull(register.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(2, environment.StandIn(AppIds.Identity).CallsTo("/api/identity/login"));
        Assert.Equal(0, environment.StandIn(AppIds.Identity).CallsTo("/api/identity/register"));
    }

    private static async Task<List<HttpStatusCode>> StatusesAsync(HttpClient client, HttpMethod method, string path, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : JsonContent.Create(new { }) };
            statuses.Add((await client.SendAsync(request)).StatusCode);
        }
        return statuses;
    }
}
