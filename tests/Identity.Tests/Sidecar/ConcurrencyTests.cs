using System.Net;
using System.Text.Json;
using Ecommerce.Contracts;
using static Ecommerce.Identity.Tests.Api.Requests;

namespace Ecommerce.Identity.Tests.Sidecar;

/// <summary>
/// Races over the stores of every profile (SQLite embedded, Redis, PostgreSQL local): the first-write
/// transaction of registration and the ETag-conditioned rotation of refresh tokens hold under concurrency.
/// </summary>
public sealed class ConcurrencyTests
{
    public static TheoryData<string> Stores() => ["sqlite", "redis", "postgresql-v1"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Ten_concurrent_registrations_of_one_email_make_one_account_and_ten_concurrent_refreshes_of_one_token_at_most_one_success(string store)
    {
        await using var environment = await IdentityEnvironment.StartAsync(store);
        using var client = environment.Client();
        var email = TestKeys.UniqueEmail("race");

        var registrations = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => RegisterAsync(client, email, password: $"race password {i:D2}")));

        Assert.Equal(1, registrations.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, registrations.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var winner = registrations.Single(r => r.StatusCode == HttpStatusCode.Created);
        var id = (await JsonAsync(winner)).GetProperty("id").GetString();
        var index = await environment.IdentitySidecar.Client.GetStateAsync<JsonElement>(Components.IdentityStore, $"email|{email}");
        Assert.Equal(id, index.GetProperty("userId").GetString());
        var password = $"race password {Array.IndexOf(registrations, winner):D2}";

        var (_, refresh) = await TokensAsync(client, email, password);
        var rotated = await PostAsync(client, "api/identity/token/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var current = (await JsonAsync(rotated)).GetProperty("refreshToken").GetString();

        var refreshes = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => PostAsync(client, "api/identity/token/refresh", new { refreshToken = current })));

        Assert.InRange(refreshes.Count(r => r.StatusCode == HttpStatusCode.OK), 0, 1);
        Assert.All(refreshes.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "api/identity/token/refresh", new { refreshToken = current })).StatusCode);
    }
}
