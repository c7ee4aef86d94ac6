using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Ecommerce.Contracts;
using Ecommerce.Contracts.Notifications;
using Ecommerce.Identity.Security;
using Ecommerce.Identity.Tests.Unit;
using Ecommerce.TestSupport;
using Ecommerce.TestSupport.Sidecars;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OtpNet;
using static Ecommerce.Identity.Tests.Api.Requests;

namespace Ecommerce.Identity.Tests.Sidecar;

/// <summary>
/// The real identity service beside a DaprLocal sidecar with the embedded profile's kinds (SQLite
/// state, local-file secrets, in-memory pub/sub): the account lifecycle with the tokens read from the
/// notifications published, lockout, MFA, roles, addresses, and its tokens as other services see them.
/// </summary>
public sealed class IdentityWithSidecarTests(EmbeddedIdentity fixture) : IClassFixture<EmbeddedIdentity>
{
    private const string Password = "correct horse battery";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private static readonly string[] CustomerRole = [Ecommerce.Contracts.Roles.Customer];

    private readonly IdentityEnvironment _environment = fixture.Environment;
    private readonly HttpClient _client = fixture.Environment.Client();

    [Fact]
    public async Task The_account_lifecycle_from_registration_to_password_reset_works_through_the_sidecar()
    {
        var email = TestKeys.UniqueEmail("ada");

        // Register: the account, users.registered, and a verification email; a resend replaces the token.
        var created = await RegisterAsync(_client, email);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await JsonAsync(created)).GetProperty("id").GetString()!;
        await Eventually.TrueAsync(() => _environment.Received(IdentityEnvironment.RegisteredRoute).Any(e => e.GetProperty("userId").GetString() == id), Patience, "users.registered");
        var firstToken = await _environment.MailedTokenAsync(email, NotificationTemplates.VerifyEmail);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(_client, "api/identity/verify-email/resend", new { email })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(_client, "api/identity/verify-email/resend", new { email = TestKeys.UniqueEmail("nobody") })).StatusCode);
        var secondToken = await _environment.MailedTokenAsync(email, NotificationTemplates.VerifyEmail, count: 2);

        // Verify: only the newest token, only once.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_client, "api/identity/verify-email", new { token = firstToken })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/verify-email", new { token = secondToken })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_client, "api/identity/verify-email", new { token = secondToken })).StatusCode);
        await Eventually.TrueAsync(() => _environment.Received(IdentityEnvironment.VerifiedRoute).Any(e => e.GetProperty("userId").GetString() == id), Patience, "users.email-verified");

        // Sign in; /me; the token says the email is verified.
        var (access, refresh) = await TokensAsync(_client, email);
        var me = await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: access));
        Assert.Equal((id, email, true, false), (me.GetProperty("id").GetString(), me.GetProperty("email").GetString(), me.GetProperty("emailVerified").GetBoolean(), me.GetProperty("mfaEnabled").GetBoolean()));
        Assert.Equal("true", new JsonWebToken(access).GetClaim("email_verified").Value);

        // Refresh rotates; the rotated token presented again revokes the family: the new one stops working too.
        var rotated = await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refresh });
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newRefresh = (await JsonAsync(rotated)).GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(refresh, newRefresh);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refresh })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = newRefresh })).StatusCode);

        // Sessions: two devices; the list marks the current one; one is revoked, and only its tokens stop working.
        var (accessA, refreshA) = await TokensAsync(_client, email, Password, ("User-Agent", "Laptop/1.0"));
        var (_, refreshB) = await TokensAsync(_client, email, Password, ("User-Agent", "Phone/2.0"));
        var sessions = await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me/sessions", accessToken: accessA));
        var current = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("current").GetBoolean());
        Assert.Equal("Laptop/1.0", current.GetProperty("device").GetString());
        var phone = Assert.Single(sessions.EnumerateArray(), s => s.GetProperty("device").GetString() == "Phone/2.0");
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/me/sessions/{phone.GetProperty("id").GetString()}", accessToken: accessA)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refreshB })).StatusCode);
        Assert.Single((await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me/sessions", accessToken: accessA))).EnumerateArray());

        // Someone else cannot revoke my session.
        var other = TestKeys.UniqueEmail("eve");
        await RegisterAsync(_client, other);
        var (eve, _) = await TokensAsync(_client, other);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/me/sessions/{current.GetProperty("id").GetString()}", accessToken: eve)).StatusCode);

        // Logout revokes the session (idempotent).
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/logout", new { refreshToken = refreshA })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/logout", new { refreshToken = refreshA })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refreshA })).StatusCode);

        // Forgotten password: always 202; the mailed token sets a new password once and signs out every session.
        var (_, refreshC) = await TokensAsync(_client, email);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(_client, "api/identity/password/forgot", new { email })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await PostAsync(_client, "api/identity/password/forgot", new { email = TestKeys.UniqueEmail("nobody") })).StatusCode);
        var resetToken = await _environment.MailedTokenAsync(email, NotificationTemplates.ResetPassword);
        await Eventually.TrueAsync(() => _environment.Received(IdentityEnvironment.ResetRequestedRoute).Any(e => e.GetProperty("userId").GetString() == id), Patience, "users.password-reset-requested");
        var weak = await PostAsync(_client, "api/identity/password/reset", new { token = resetToken, newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await JsonAsync(weak)).GetProperty("errors").TryGetProperty("newPassword", out _));
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/password/reset", new { token = resetToken, newPassword = "a brand new passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(_client, "api/identity/password/reset", new { token = resetToken, newPassword = "yet another passphrase" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refreshC })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_client, email, Password)).StatusCode);
        await TokensAsync(_client, email, "a brand new passphrase");

        // A signed-in change signs out the other sessions but not this one.
        var (_, otherDevice) = await TokensAsync(_client, email, "a brand new passphrase");
        var (_, thisDevice) = await TokensAsync(_client, email, "a brand new passphrase");
        var thisAccess = await JsonAsync(await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = thisDevice }));
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/me/password",
            new { currentPassword = "a brand new passphrase", newPassword = "the third passphrase" }, thisAccess.GetProperty("accessToken").GetString())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = otherDevice })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = thisAccess.GetProperty("refreshToken").GetString() })).StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_and_each_further_lock_doubles_until_a_success_resets_the_count()
    {
        var email = TestKeys.UniqueEmail("locked");
        await RegisterAsync(_client, email);

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_client, email, "not the password")).StatusCode);
        }
        var locked = await LoginAsync(_client, email, Password);
        Assert.Equal(HttpStatusCode.Locked, locked.StatusCode);
        Assert.Equal("1", locked.Headers.GetValues("Retry-After").Single());
        Assert.Equal(423, (await JsonAsync(locked)).GetProperty("status").GetInt32());

        // Once the first lock is over, one more failure locks for twice as long.
        HttpResponseMessage sixth = null!;
        await Eventually.TrueAsync(async () => (sixth = await LoginAsync(_client, email, "not the password")).StatusCode != HttpStatusCode.Locked, Patience, "the first lock ends");
        Assert.Equal(HttpStatusCode.Unauthorized, sixth.StatusCode);
        var lockedAgain = await LoginAsync(_client, email, Password);
        Assert.Equal(HttpStatusCode.Locked, lockedAgain.StatusCode);
        Assert.Equal("2", lockedAgain.Headers.GetValues("Retry-After").Single());

        // Published: each failure with its count; the locking ones with lockedUntil; refusals while locked as LockedOut.
        await Eventually.TrueAsync(() => Failures(email).Count(f => f.GetProperty("reason").GetString() == "lockedOut") >= 2, Patience, "users.login-failed while locked");
        var wrong = Failures(email).Where(f => f.GetProperty("reason").GetString() == "wrongPassword").OrderBy(f => f.GetProperty("consecutiveFailures").GetInt32()).ToList();
        Assert.Equal([1, 2, 3, 4, 5, 6], wrong.Select(f => f.GetProperty("consecutiveFailures").GetInt32()));
        Assert.All(wrong.Take(4), f => Assert.False(f.TryGetProperty("lockedUntil", out _)));
        Assert.InRange(LockSeconds(wrong[4]), 0.5, 1.5);
        Assert.InRange(LockSeconds(wrong[5]), 1.5, 2.5);

        // A success resets the count: one more failure afterwards does not lock.
        await Eventually.TrueAsync(async () => (await LoginAsync(_client, email, Password)).StatusCode == HttpStatusCode.OK, Patience, "the second lock ends");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(_client, email, "not the password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(_client, email, Password)).StatusCode);
    }

    [Fact]
    public async Task Mfa_enrolment_then_sign_in_with_a_totp_code_once_or_a_recovery_code_once_then_disable()
    {
        var email = TestKeys.UniqueEmail("mfa");
        var id = (await JsonAsync(await RegisterAsync(_client, email))).GetProperty("id").GetString()!;
        var (access, _) = await TokensAsync(_client, email);

        var enrolment = await JsonAsync(await PostAsync(_client, "api/identity/me/mfa/enrol", new { }, access));
        var secret = Base32Encoding.ToBytes(enrolment.GetProperty("secret").GetString()!);
        var totp = new Totp(secret);
        Assert.StartsWith($"otpauth://totp/Ecommerce:{Uri.EscapeDataString(email)}?secret={enrolment.GetProperty("secret").GetString()}&issuer=Ecommerce&digits=6&period=30",
            enrolment.GetProperty("otpauthUri").GetString(), StringComparison.Ordinal);
        var wrongConfirm = await PostAsync(_client, "api/identity/me/mfa/confirm", new { code = totp.ComputeTotp(DateTime.UtcNow.AddMinutes(10)) }, access);
        Assert.Equal(HttpStatusCode.BadRequest, wrongConfirm.StatusCode);
        var confirmed = await PostAsync(_client, "api/identity/me/mfa/confirm", new { code = totp.ComputeTotp(DateTime.UtcNow) }, access);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var codes = (await JsonAsync(confirmed)).GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        Assert.Equal(10, codes.Count);
        Assert.True((await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: access))).GetProperty("mfaEnabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await PostAsync(_client, "api/identity/me/mfa/enrol", new { }, access)).StatusCode);

        // At rest: the secret encrypted, the recovery codes hashed.
        var stored = await _environment.IdentitySidecar.Client.GetStateAsync<JsonElement>(Components.IdentityStore, $"user|{id}");
        var storedText = stored.GetRawText();
        Assert.StartsWith("v1.", stored.GetProperty("mfa").GetProperty("encryptedSecret").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(enrolment.GetProperty("secret").GetString()!, storedText, StringComparison.Ordinal);
        Assert.All(codes, code => Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), storedText, StringComparison.Ordinal));

        // The password alone gives a challenge, not tokens; the next step's code completes it, once.
        var challenge = await JsonAsync(await LoginAsync(_client, email));
        Assert.True(challenge.GetProperty("mfaRequired").GetBoolean());
        Assert.Equal(300, challenge.GetProperty("expiresIn").GetInt32());
        Assert.False(challenge.TryGetProperty("accessToken", out _));
        var nextCode = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30));
        var signedIn = await PostAsync(_client, "api/identity/login/mfa", new { mfaToken = challenge.GetProperty("mfaToken").GetString(), code = nextCode });
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/login/mfa", new { mfaToken = challenge.GetProperty("mfaToken").GetString(), code = nextCode })).StatusCode);

        var second = (await JsonAsync(await LoginAsync(_client, email))).GetProperty("mfaToken").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/login/mfa", new { mfaToken = second, code = nextCode })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(_client, "api/identity/login/mfa", new { mfaToken = second, code = codes[0].ToUpperInvariant() })).StatusCode);
        var third = (await JsonAsync(await LoginAsync(_client, email))).GetProperty("mfaToken").GetString();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(_client, "api/identity/login/mfa", new { mfaToken = third, code = codes[0] })).StatusCode);
        await Eventually.TrueAsync(() => Failures(email).Count(f => f.GetProperty("reason").GetString() == "wrongMfaCode") >= 2, Patience, "wrong codes published");

        // Disable: the password and a code.
        var wrongPassword = await PostAsync(_client, "api/identity/me/mfa/disable", new { password = "not the password", code = codes[1] }, access);
        Assert.Equal(HttpStatusCode.BadRequest, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(_client, "api/identity/me/mfa/disable", new { password = Password, code = codes[1] }, access)).StatusCode);
        Assert.False((await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: access))).GetProperty("mfaEnabled").GetBoolean());
        await TokensAsync(_client, email);
    }

    [Fact]
    public async Task The_seeded_admin_grants_and_revokes_roles_and_the_next_token_shows_them()
    {
        await Eventually.TrueAsync(async () => (await LoginAsync(_client, _environment.AdminEmail, _environment.AdminPassword)).IsSuccessStatusCode, Patience, "the admin is seeded");
        var (admin, _) = await TokensAsync(_client, _environment.AdminEmail, _environment.AdminPassword);
        var adminView = await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: admin));
        Assert.Equal(["admin", "customer"], adminView.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.True(adminView.GetProperty("emailVerified").GetBoolean());
        var email = TestKeys.UniqueEmail("staff");
        var id = (await JsonAsync(await RegisterAsync(_client, email))).GetProperty("id").GetString()!;
        var (customer, refresh) = await TokensAsync(_client, email);

        Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(_client, HttpMethod.Put, $"api/identity/admin/users/{id}/roles/support", accessToken: customer)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_client, HttpMethod.Put, $"api/identity/admin/users/{id}/roles/support", accessToken: admin)).StatusCode);
        var granted = await JsonAsync(await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = refresh }));
        Assert.Equal(["customer", "support"], Roles(granted.GetProperty("accessToken").GetString()!));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/admin/users/{id}/roles/support", accessToken: admin)).StatusCode);
        var revoked = await JsonAsync(await PostAsync(_client, "api/identity/token/refresh", new { refreshToken = granted.GetProperty("refreshToken").GetString() }));
        Assert.Equal(["customer"], Roles(revoked.GetProperty("accessToken").GetString()!));
        Assert.Equal(HttpStatusCode.Conflict, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/admin/users/{adminView.GetProperty("id").GetString()}/roles/admin", accessToken: admin)).StatusCode);
    }

    [Fact]
    public async Task Addresses_are_validated_and_exactly_one_is_the_default_shipping_address()
    {
        var email = TestKeys.UniqueEmail("home");
        await RegisterAsync(_client, email);
        var (access, _) = await TokensAsync(_client, email);
        object Address(string line1, string city, string country = "DE", string postalCode = "10115") =>
            new { label = "Home", recipient = "Ada Lovelace", line1, city, postalCode, country };

        var invalid = await PostAsync(_client, "api/identity/me/addresses", Address("", "", "XX", ""), access);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["city", "country", "line1", "postalCode"], (await JsonAsync(invalid)).GetProperty("errors").EnumerateObject().Select(e => e.Name).Order());

        var first = await JsonAsync(await PostAsync(_client, "api/identity/me/addresses", Address("1 Main St", "Berlin"), access));
        var second = await JsonAsync(await PostAsync(_client, "api/identity/me/addresses", Address("2 Harbour Rd", "Hamburg", postalCode: "20095"), access));
        Assert.True(first.GetProperty("defaultShipping").GetBoolean());
        Assert.False(second.GetProperty("defaultShipping").GetBoolean());
        var (a, b) = (first.GetProperty("id").GetString(), second.GetProperty("id").GetString());

        Assert.True((await JsonAsync(await SendAsync(_client, HttpMethod.Put, $"api/identity/me/addresses/{b}/default-shipping", accessToken: access))).GetProperty("defaultShipping").GetBoolean());
        Assert.Equal([b], await DefaultsAsync(access));
        var edited = await JsonAsync(await SendAsync(_client, HttpMethod.Put, $"api/identity/me/addresses/{a}", Address("1 Main St", "Potsdam", postalCode: "14467"), access));
        Assert.Equal(("Potsdam", false), (edited.GetProperty("city").GetString(), edited.GetProperty("defaultShipping").GetBoolean()));
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(_client, HttpMethod.Put, $"api/identity/me/addresses/{Guid.NewGuid():N}", Address("x", "y"), access)).StatusCode);
        var list = await SendAsync(_client, HttpMethod.Get, "api/identity/me/addresses", accessToken: access);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/me/addresses/{b}", accessToken: access, headers: ("If-Match", "\"stale\""))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/me/addresses/{b}", accessToken: access, headers: ("If-Match", list.Headers.ETag!.ToString()))).StatusCode);
        Assert.Equal([a], await DefaultsAsync(access));
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(_client, HttpMethod.Delete, $"api/identity/me/addresses/{a}", accessToken: access)).StatusCode);
        Assert.Empty((await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me/addresses", accessToken: access))).EnumerateArray());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_client, HttpMethod.Get, "api/identity/me/addresses")).StatusCode);
    }

    [Fact]
    public async Task Access_tokens_validate_against_the_published_jwks_and_expired_forged_or_unsigned_ones_are_refused()
    {
        var email = TestKeys.UniqueEmail("jwt");
        var id = (await JsonAsync(await RegisterAsync(_client, email))).GetProperty("id").GetString()!;
        var (access, _) = await TokensAsync(_client, email);
        using var signer = ECDsa.Create();
        signer.ImportFromPem(_environment.SigningKeyPem);
        var kid = EcPublicKey.Of(signer).KeyId;

        // As another service would: the JWKS read through a sidecar, ServiceDefaults' rules.
        var jwks = await _client.GetAsync(new Uri(".well-known/jwks.json", UriKind.Relative));
        Assert.Equal("public, max-age=300", jwks.Headers.CacheControl?.ToString());
        var keys = new JsonWebKeySet(await jwks.Content.ReadAsStringAsync());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(access, AccessTokenTests.ServiceDefaultsRules(keys.GetSigningKeys()));
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(("ES256", kid), (((JsonWebToken)result.SecurityToken).Alg, ((JsonWebToken)result.SecurityToken).Kid));
        Assert.Equal(id, result.ClaimsIdentity.Name);

        string Token(SecurityKey key, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "ecommerce-identity",
            Audience = "ecommerce",
            IssuedAt = expires.AddMinutes(-10),
            NotBefore = expires.AddMinutes(-10),
            Expires = expires,
            Claims = new Dictionary<string, object> { ["sub"] = id, ["role"] = CustomerRole },
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var genuine = Token(new ECDsaSecurityKey(signer) { KeyId = kid }, DateTime.UtcNow.AddMinutes(5));
        var expired = Token(new ECDsaSecurityKey(signer) { KeyId = kid }, DateTime.UtcNow.AddMinutes(-2));
        var forged = Token(new ECDsaSecurityKey(forger) { KeyId = kid }, DateTime.UtcNow.AddMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: genuine)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: expired)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: forged)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(_client, HttpMethod.Get, "api/identity/me", accessToken: TestIdentity.UnsignedToken(id, "customer"))).StatusCode);
    }

    [Fact]
    public async Task Through_the_gateway_the_client_address_and_public_origin_are_the_forwarded_ones()
    {
        var throughGateway = await _environment.GatewayAsync();
        await using var gatewaySidecar = throughGateway.Sidecar;
        using var gateway = throughGateway.Client;
        var email = TestKeys.UniqueEmail("shopper");
        await RegisterAsync(gateway, email);

        var (access, _) = await TokensAsync(gateway, email, Password, ("X-Forwarded-For", "203.0.113.50"));
        var configuration = await JsonAsync(await SendAsync(gateway, HttpMethod.Get, ".well-known/openid-configuration",
            headers: [("X-Forwarded-Host", "shop.example.test"), ("X-Forwarded-Proto", "https")]));
        var direct = await JsonAsync(await SendAsync(_client, HttpMethod.Get, ".well-known/openid-configuration", headers: ("X-Forwarded-Host", "evil.example")));

        var session = Assert.Single((await JsonAsync(await SendAsync(gateway, HttpMethod.Get, "api/identity/me/sessions", accessToken: access))).EnumerateArray());
        Assert.Equal("203.0.113.50", session.GetProperty("ipAddress").GetString());
        Assert.Equal("https://shop.example.test/.well-known/jwks.json", configuration.GetProperty("jwks_uri").GetString());
        Assert.Equal("https://shop.example.test/api/identity/login", configuration.GetProperty("token_endpoint").GetString());
        Assert.DoesNotContain("evil.example", direct.GetProperty("jwks_uri").GetString(), StringComparison.Ordinal);
    }

    private List<JsonElement> Failures(string email) =>
        [.. _environment.Received(IdentityEnvironment.LoginFailedRoute).Where(f => f.GetProperty("email").GetString() == email)];

    private static double LockSeconds(JsonElement failure) =>
        (failure.GetProperty("lockedUntil").GetDateTimeOffset() - failure.GetProperty("occurredAt").GetDateTimeOffset()).TotalSeconds;

    private static List<string> Roles(string accessToken) =>
        [.. new JsonWebToken(accessToken).Claims.Where(c => c.Type == "role").Select(c => c.Value).Order()];

    private async Task<List<string?>> DefaultsAsync(string access) =>
        [.. (await JsonAsync(await SendAsync(_client, HttpMethod.Get, "api/identity/me/addresses", accessToken: access))).EnumerateArray()
            .Where(address => address.GetProperty("defaultShipping").GetBoolean())
            .Select(address => address.GetProperty("id").GetString())];
}
