using System.Net;
using Ecommerce.Contracts;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Security;
using Ecommerce.TestSupport.Sidecars;
using static Ecommerce.Identity.Tests.Api.Requests;

namespace Ecommerce.Identity.Tests.Api;

/// <summary>What the service does when its signing key is missing, or when events cannot be published.</summary>
public sealed class KeyAndPublishingFailureTests
{
    [Fact]
    public async Task Without_a_signing_key_readiness_fails_and_token_endpoints_answer_503_until_the_key_appears()
    {
        await using var factory = new IdentityApiFactory(withSigningKey: false, recordEvents: true);
        var client = factory.CreateClient();
        var email = TestKeys.UniqueEmail();
        await RegisterAsync(client, email);

        var login = await LoginAsync(client, email);
        var jwks = await client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        var ready = await JsonAsync(await client.GetAsync(new Uri("/readyz", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, jwks.StatusCode);
        var keys = ready.GetProperty("checks").GetProperty("identity-keys");
        Assert.Equal("unhealthy", keys.GetProperty("status").GetString());
        Assert.Contains(SecretNames.IdentitySigningKey, keys.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Events.Of<Contracts.Identity.LoginFailedV1>(), f => f.Email == email);

        factory.Secrets.Values[SecretNames.IdentitySigningKey] = TestKeys.NewSigningKeyPem();
        await Eventually.TrueAsync(async () => (await LoginAsync(client, email)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10), "the key is read again");
        var readyNow = await JsonAsync(await client.GetAsync(new Uri("/readyz", UriKind.Relative)));
        Assert.Equal("healthy", readyNow.GetProperty("checks").GetProperty("identity-keys").GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_signing_key_is_reported_without_the_key()
    {
        await using var factory = new IdentityApiFactory(withSigningKey: false, recordEvents: true);
        factory.Secrets.Values[SecretNames.IdentitySigningKey] = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----";
        var client = factory.CreateClient();

        var ready = await JsonAsync(await client.GetAsync(new Uri("/readyz", UriKind.Relative)));
        var description = ready.GetProperty("checks").GetProperty("identity-keys").GetProperty("description").GetString();

        Assert.Contains("not valid", description, StringComparison.Ordinal);
        Assert.DoesNotContain("bm90IGEga2V5", description, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await PostAsync(client, "api/identity/token/refresh", new { refreshToken = OpaqueTokens.New() })).StatusCode);
    }

    [Fact]
    public async Task Registration_succeeds_when_events_cannot_be_published()
    {
        // The real Dapr publisher, with no sidecar behind it: every publish fails.
        await using var factory = new IdentityApiFactory(withSigningKey: true, recordEvents: false);
        var client = factory.CreateClient();
        var email = TestKeys.UniqueEmail();

        var created = await RegisterAsync(client, email);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(IdentityStateKeys.Email(email), factory.Store.Snapshot().Keys);
        await TokensAsync(client, email);
    }
}
