using System.Globalization;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Identity.Apis;

/// <summary>Signing in and out, and refreshing: the endpoints that issue tokens (503 while the signing key is not loaded).</summary>
public static class TokenApi
{
    public static IEndpointRouteBuilder MapTokenApi(this IEndpointRouteBuilder app)
    {
        var tokens = app.MapGroup("/api/identity")
            .WithTags("Tokens")
            .WithRequestValidation()
            .WithKeyMaterialFailures();

        tokens.MapPost("/login", Login)
            .WithName("Login")
            .WithSummary("Sign in with email and password")
            .WithDescription("Tokens (an ES256 access token and a refresh token), or, for an account with MFA, {mfaRequired, mfaToken, expiresIn} for POST /login/mfa. 401 for an unknown email or a wrong password alike; 5 failures in a row lock the account (423 with Retry-After), each further lock twice as long.")
            .RequiresSigningKey()
            .AllowAnonymous();

        tokens.MapPost("/login/mfa", LoginWithMfa)
            .WithName("LoginWithMfa")
            .WithSummary("Complete a sign-in with a TOTP or recovery code")
            .WithDescription("The mfaToken of POST /login (5 minutes) and a 6-digit code of the authenticator (each code once) or an unused recovery code (consumed). Wrong codes count toward the lockout.")
            .RequiresSigningKey()
            .AllowAnonymous();

        tokens.MapPost("/token/refresh", Refresh)
            .WithName("RefreshToken")
            .WithSummary("Exchange a refresh token for new tokens")
            .WithDescription("Rotates: the refresh token presented stops working and a new one is returned, with an access token of the user's current roles. Presenting a rotated token again revokes the whole session. 401 for an unknown, expired, reused or revoked token.")
            .RequiresSigningKey()
            .AllowAnonymous();

        tokens.MapPost("/logout", Logout)
            .WithName("Logout")
            .WithSummary("Sign out: revoke the session of a refresh token")
            .WithDescription("Always 204 (idempotent). Access tokens already issued stay valid until they expire.")
            .AllowAnonymous();

        return app;
    }

    public static async Task<Results<Ok<TokenResponse>, Ok<MfaChallengeResponse>, ProblemHttpResult, ValidationProblem>> Login(
        LoginRequest request, SignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await signIn.LoginAsync(request, Callers.Client(http), cancellationToken);
        if (outcome.Challenge is not null)
        {
            NoStore(http);
            return TypedResults.Ok(outcome.Challenge);
        }
        return Prepare(http, outcome) is { } tokens ? TypedResults.Ok(tokens) : outcome.Problem!;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> LoginWithMfa(
        MfaLoginRequest request, SignIn signIn, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await signIn.CompleteMfaAsync(request, Callers.Client(http), cancellationToken);
        return Prepare(http, outcome) is { } tokens ? TypedResults.Ok(tokens) : outcome.Problem!;
    }

    public static async Task<Results<Ok<TokenResponse>, ProblemHttpResult, ValidationProblem>> Refresh(
        RefreshTokenRequest request, Sessions sessions, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await sessions.RefreshAsync(request.RefreshToken, cancellationToken);
        NoStore(http);
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Problem!;
    }

    public static async Task<Results<NoContent, ValidationProblem>> Logout(
        RefreshTokenRequest request, Sessions sessions, CancellationToken cancellationToken)
    {
        await sessions.LogoutAsync(request.RefreshToken, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Sets the response headers of a sign-in; the tokens, or null when it was refused.</summary>
    private static TokenResponse? Prepare(HttpContext http, SignInOutcome outcome)
    {
        NoStore(http);
        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Problems.RetryAfterSeconds(wait).ToString(CultureInfo.InvariantCulture);
        }
        return outcome.Tokens;
    }

    /// <summary>Tokens must not be cached by anything between the service and the client (RFC 6749 5.1).</summary>
    private static void NoStore(HttpContext http) => http.Response.Headers.CacheControl = "no-store";
}
