using System.Net;
using System.Text.Json;
using Ecommerce.Contracts.Identity;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.Extensions.Options;
using static Ecommerce.Identity.Tests.Api.Requests;

namespace Ecommerce.Identity.Tests.Api;

/// <summary>The identity API over in-memory fakes: validation, what is stored and published, sign-in answers, keys, discovery.</summary>
public sealed class IdentityApiTests(IdentityApiFactory factory) : IClassFixture<IdentityApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Registration_refuses_bad_fields_with_field_errors()
    {
        var response = await PostAsync(_client, "api/identity/register", new { email = "not-an-email", password = "lovelace-short", name = "" });
        var common = await RegisterAsync(_client, TestKeys.UniqueEmail(), password: "qwertyuiop");
        var ownName = await RegisterAsync(_client, "lovelace@example.test", password: "I-am-LOVELACE-2024");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("email", out _));
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.Contains("too common", (await JsonAsync(common)).GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("email", (await JsonAsync(ownName)).GetProperty("errors").GetProperty("password")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registration_stores_only_hashes_publishes_the_events_and_a_second_registration_of_the_email_is_409()
    {
        var email = TestKeys.UniqueEmail("Ada");

        var created = await RegisterAsync(_client, "  " + email.ToUpperInvariant() + " ", password: "correct horse battery");
        var again = await RegisterAsync(_client, email, password: "another good password");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = await JsonAsync(created);
        var id = user.GetProperty("id").GetString()!;
        Assert.Equal(email.ToLowerInvariant(), user.GetProperty("email").GetString());
        Assert.Equal(["customer"], user.GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.False(user.GetProperty("emailVerified").GetBoolean());
        Assert.False(user.TryGetProperty("passwordHash", out _));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var registered = Assert.Single(factory.Events.Of<UserRegisteredV1>(), e => e.UserId == id);
        Assert.Equal(email.ToLowerInvariant(), registered.Email);
        var mail = Assert.Single(factory.Events.Of<NotificationRequestedV1>(), n => n.UserId == id);
        Assert.Equal((NotificationChannel.Email, NotificationTemplates.VerifyEmail, email.ToLowerInvariant()), (mail.Channel, mail.Template, mail.Recipient));
        Assert.Equal("Ada Lovelace", mail.Parameters["name"]);
        Assert.True(DateTimeOffset.Parse(mail.Parameters["expiresAt"], System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddHours(23));

        var stored = factory.Store.Snapshot();
        var token = mail.Parameters["token"];
        Assert.Contains(IdentityStateKeys.OneTimeToken(OpaqueTokens.Hash(token)), stored.Keys);
        Assert.Equal(id, JsonDocument.Parse(stored[IdentityStateKeys.Email(email.ToLowerInvariant())]).RootElement.GetProperty("userId").GetString());
        Assert.StartsWith($"pbkdf2-sha256${IdentityApiFactory.Iterations}$", JsonDocument.Parse(stored[IdentityStateKeys.User(id)]).RootElement.GetProperty("passwordHash").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(stored, pair => pair.Key.Contains(token, StringComparison.Ordinal) || pair.Value.Contains(token, StringComparison.Ordinal)
            || pair.Value.Contains("correct horse battery", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer_and_each_is_published_as_a_failed_login()
    {
        var email = TestKeys.UniqueEmail();
        var unknown = TestKeys.UniqueEmail("nobody");
        await RegisterAsync(_client, email);

        var wrongPassword = await LoginAsync(_client, email, "not the password at all");
        var unknownEmail = await LoginAsync(_client, unknown, "not the password at all");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (wrongPassword.StatusCode, unknownEmail.StatusCode));
        var (first, second) = (await JsonAsync(wrongPassword), await JsonAsync(unknownEmail));
        Assert.Equal(first.GetProperty("title").GetString(), second.GetProperty("title").GetString());
        Assert.Equal("Invalid email or password.", first.GetProperty("title").GetString());
        Assert.False(first.TryGetProperty("detail", out _) || second.TryGetProperty("detail", out _));
        var failures = factory.Events.Of<LoginFailedV1>().ToList();
        Assert.Contains(failures, f => f.Email == email && f.Reason == LoginFailureReason.WrongPassword && f.ConsecutiveFailures == 1 && f.UserId is not null);
        Assert.Contains(failures, f => f.Email == unknown && f.Reason == LoginFailureReason.UnknownEmail && f.UserId is null);
    }

    [Fact]
    public async Task A_password_hashed_with_fewer_iterations_is_rehashed_at_sign_in()
    {
        var email = TestKeys.UniqueEmail();
        var created = await JsonAsync(await RegisterAsync(_client, email));
        var id = created.GetProperty("id").GetString()!;
        var user = (await factory.Store.GetAsync<UserAccount>(IdentityStateKeys.User(id), CancellationToken.None))!.Value;
        var weaker = new PasswordHasher(Options.Create(new IdentityOptions { PasswordIterations = 100 }));
        factory.Store.Put(IdentityStateKeys.User(id), user with { PasswordHash = weaker.Hash("correct horse battery") });

        await TokensAsync(_client, email);

        var rehashed = (await factory.Store.GetAsync<UserAccount>(IdentityStateKeys.User(id), CancellationToken.None))!.Value.PasswordHash;
        Assert.StartsWith($"pbkdf2-sha256${IdentityApiFactory.Iterations}$", rehashed, StringComparison.Ordinal);
        await TokensAsync(_client, email);
    }

    [Fact]
    public async Task Forwarded_client_addresses_are_believed_only_from_the_gateway()
    {
        var email = TestKeys.UniqueEmail();
        await RegisterAsync(_client, email);

        await LoginAsync(_client, email, "wrong password one", ("dapr-caller-app-id", "gateway"), ("X-Forwarded-For", "203.0.113.9, 10.0.0.1"));
        await LoginAsync(_client, email, "wrong password two", ("dapr-caller-app-id", "cart"), ("X-Forwarded-For", "198.51.100.7"));

        var addresses = factory.Events.Of<LoginFailedV1>().Where(f => f.Email == email).OrderBy(f => f.ConsecutiveFailures).Select(f => f.IpAddress).ToList();
        Assert.Equal(2, addresses.Count);
        Assert.Equal("203.0.113.9", addresses[0]);
        Assert.NotEqual("198.51.100.7", addresses[1]);
    }

    [Fact]
    public async Task The_seeded_admin_can_grant_roles_but_not_drop_their_own_admin_role_and_others_are_forbidden()
    {
        await Eventually.TrueAsync(async () => (await LoginAsync(_client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(10), "the admin is seeded");
        var (admin, _) = await TokensAsync(_client, IdentityApiFactory.AdminEmail, IdentityApiFactory.AdminPassword);
        var email = TestKeys.UniqueEmail();
        var id = (await JsonAsync(await RegisterAsync(_client, email))).GetProperty("id").GetString()!;
        var (customer, _) = await TokensAsync(_client, email);
        var adminId = (await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: admin))).GetProperty("id").GetString();

        var granted = await SendAsync(_client, HttpMethod.Put, $"api/identity/admin/users/{id}/roles/support", accessToken: admin);
        var grantedAgain = await SendAsync(_client, HttpMethod.Put, $"api/identity/admin/users/{id}/roles/support", accessToken: admin);
        var unknownRole = await SendAsync(_client, HttpMethod.Put, $"api/identity/admin/users/{id}/roles/root", accessToken: admin);
        var stale = await SendAsync(_client, HttpMethod.Delete, $"api/identity/admin/users/{id}/roles/support", accessToken: admin, headers: ("If-Match", "\"1\""));
        var ownAdmin = await SendAsync(_client, HttpMethod.Delete, $"api/identity/admin/users/{adminId}/roles/admin", accessToken: admin);
        var byEmail = await SendAsync(_client, HttpMethod.Get, $"api/identity/admin/users?email={Uri.EscapeDataString(email.ToUpperInvariant())}", accessToken: admin);
        var asCustomer = await SendAsync(_client, HttpMethod.Get, $"api/identity/admin/users/{id}", accessToken: customer);
        var anonymous = await SendAsync(_client, HttpMethod.Get, $"api/identity/admin/users/{id}");

        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        Assert.Equal(["customer", "support"], (await JsonAsync(grantedAgain)).GetProperty("roles").EnumerateArray().Select(role => role.GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknownRole.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, ownAdmin.StatusCode);
        Assert.Equal(id, (await JsonAsync(byEmail)).GetProperty("id").GetString());
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized), (asCustomer.StatusCode, anonymous.StatusCode));
    }

    [Fact]
    public async Task Profile_changes_need_the_current_etag()
    {
        var email = TestKeys.UniqueEmail();
        await RegisterAsync(_client, email);
        var (access, _) = await TokensAsync(_client, email);
        var me = await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: access);
        var etag = me.Headers.ETag!.ToString();

        var withoutIfMatch = await SendAsync(_client, HttpMethod.Put, "api/identity/me", new { name = "Ada King", phone = "+44 20 7946 0000" }, access);
        var changed = await SendAsync(_client, HttpMethod.Put, "api/identity/me", new { name = "Ada King", phone = "+44 20 7946 0000" }, access, ("If-Match", etag));
        var stale = await SendAsync(_client, HttpMethod.Put, "api/identity/me", new { name = "Ada Byron", phone = (string?)null }, access, ("If-Match", etag));
        var invalid = await SendAsync(_client, HttpMethod.Put, "api/identity/me", new { name = "", phone = "call me" }, access, ("If-Match", changed.Headers.ETag!.ToString()));

        Assert.Equal(HttpStatusCode.PreconditionRequired, withoutIfMatch.StatusCode);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var profile = await JsonAsync(changed);
        Assert.Equal(("Ada King", "+44 20 7946 0000"), (profile.GetProperty("name").GetString(), profile.GetProperty("phone").GetString()));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["name", "phone"], (await JsonAsync(invalid)).GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task Discovery_documents_name_the_public_origin_only_the_gateway_may_forward()
    {
        var jwks = await _client.GetAsync(new Uri("/.well-known/jwks.json", UriKind.Relative));
        var direct = await JsonAsync(await SendAsync(_client, HttpMethod.Get, ".well-known/openid-configuration", headers: ("X-Forwarded-Host", "evil.example")));
        var viaGateway = await JsonAsync(await SendAsync(_client, HttpMethod.Get, ".well-known/openid-configuration",
            headers: [("dapr-caller-app-id", "gateway"), ("X-Forwarded-Host", "shop.example.test"), ("X-Forwarded-Proto", "https")]));

        Assert.Equal("public, max-age=300", jwks.Headers.CacheControl?.ToString());
        var key = Assert.Single((await JsonAsync(jwks)).GetProperty("keys").EnumerateArray());
        Assert.Equal(("EC", "P-256", "sig", "ES256"), (key.GetProperty("kty").GetString(), key.GetProperty("crv").GetString(), key.GetProperty("use").GetString(), key.GetProperty("alg").GetString()));
        Assert.Equal("http://localhost/.well-known/jwks.json", direct.GetProperty("jwks_uri").GetString());
        Assert.Equal("https://shop.example.test/.well-known/jwks.json", viaGateway.GetProperty("jwks_uri").GetString());
        Assert.Equal("https://shop.example.test/api/identity/login", viaGateway.GetProperty("token_endpoint").GetString());
        Assert.Equal("ecommerce-identity", viaGateway.GetProperty("issuer").GetString());
        Assert.Equal(["ES256"], viaGateway.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(["password", "refresh_token"], viaGateway.GetProperty("grant_types_supported").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("role", viaGateway.GetProperty("claims_supported").EnumerateArray().Select(a => a.GetString()));
    }
}
