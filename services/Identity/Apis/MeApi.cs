using System.Security.Claims;
using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Http;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// The signed-in user's own account (any role; the access token's <c>sub</c>): profile, password,
/// sessions and MFA. Changing the email address is out of scope: it would need a verification of the
/// new address before the index moves, and is not offered.
/// </summary>
public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/identity/me")
            .WithTags("Me")
            .WithRequestValidation()
            .WithKeyMaterialFailures()
            .RequireAuthorization();

        me.MapGet("/", GetMe)
            .WithName("GetMe")
            .WithSummary("Get my account")
            .WithDescription("Profile, roles, whether the email is verified and MFA enabled. The ETag is the account's version, for If-Match on PUT.");

        me.MapPut("/", UpdateMe)
            .WithName("UpdateMe")
            .WithSummary("Change my name and phone")
            .WithDescription("If-Match required (428 without, 412 when the account changed since it was read). The email cannot be changed.");

        me.MapPost("/password", ChangePassword)
            .WithName("ChangePassword")
            .WithSummary("Change my password")
            .WithDescription("The current password and the new one (same policy as registration). Every other session is signed out; a wrong current password counts toward the lockout.");

        me.MapGet("/sessions", ListSessions)
            .WithName("ListMySessions")
            .WithSummary("List my sessions")
            .WithDescription("Every device signed in: user agent, IP address, when it signed in and last refreshed; current marks the session of this access token.");

        me.MapDelete("/sessions/{id}", RevokeSession)
            .WithName("RevokeMySession")
            .WithSummary("Sign out one of my sessions")
            .WithDescription("Its refresh tokens stop working at once; its access tokens live until they expire (minutes). 404 for a session that is not mine.");

        me.MapPost("/mfa/enrol", EnrolMfa)
            .WithName("EnrolMfa")
            .WithSummary("Start TOTP MFA enrolment")
            .WithDescription("A new secret (base32) and its otpauth:// URI for an authenticator app; MFA is on only once confirmed with a code (within expiresIn seconds). 409 when MFA is already enabled.");

        me.MapPost("/mfa/confirm", ConfirmMfa)
            .WithName("ConfirmMfa")
            .WithSummary("Confirm MFA enrolment with a first code")
            .WithDescription("Turns MFA on and returns 10 single-use recovery codes, shown this once.");

        me.MapPost("/mfa/disable", DisableMfa)
            .WithName("DisableMfa")
            .WithSummary("Turn MFA off")
            .WithDescription("Needs the password and a current code or an unused recovery code.");

        return app;
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult>> GetMe(ClaimsPrincipal user, Users users, HttpContext http, CancellationToken cancellationToken)
    {
        var found = await users.GetAsync(Callers.UserId(user), cancellationToken);
        if (found is null)
        {
            return Problems.UserNotFound();
        }
        EntityTags.Set(http, found.ETag);
        return TypedResults.Ok(UserView.Of(found.Value));
    }

    public static async Task<Results<Ok<UserView>, ProblemHttpResult, ValidationProblem>> UpdateMe(
        UpdateProfileRequest request, [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, Users users, HttpContext http, CancellationToken cancellationToken)
    {
        var expected = EntityTags.FromIfMatch(ifMatch);
        if (expected is null)
        {
            return Problems.IfMatchRequired();
        }
        var outcome = await users.EditAsync(Callers.UserId(user), expected, (current, _) =>
            Outcome.Of<UserAccount?>(current with { Name = request.Name.Trim(), Phone = string.IsNullOrWhiteSpace(request.Phone) ? null : request.Phone.Trim() }),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            return outcome.Problem!;
        }
        EntityTags.Set(http, outcome.Value!.ETag);
        return TypedResults.Ok(UserView.Of(outcome.Value.Value));
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ChangePassword(
        ChangePasswordRequest request, ClaimsPrincipal user, Passwords passwords, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await passwords.ChangeAsync(Callers.UserId(user), Callers.SessionId(user), request, Callers.Client(http), cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!;
    }

    public static async Task<Ok<IReadOnlyList<SessionView>>> ListSessions(ClaimsPrincipal user, Sessions sessions, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sessions.ListAsync(Callers.UserId(user), Callers.SessionId(user), cancellationToken));

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeSession(string id, ClaimsPrincipal user, Sessions sessions, CancellationToken cancellationToken) =>
        await sessions.RevokeOwnAsync(Callers.UserId(user), id, cancellationToken) ? TypedResults.NoContent() : Problems.SessionNotFound();

    public static async Task<Results<Ok<MfaEnrolmentResponse>, ProblemHttpResult>> EnrolMfa(ClaimsPrincipal user, MfaEnrolment mfa, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await mfa.EnrolAsync(Callers.UserId(user), cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Problem!;
    }

    public static async Task<Results<Ok<RecoveryCodesResponse>, ProblemHttpResult, ValidationProblem>> ConfirmMfa(
        MfaConfirmRequest request, ClaimsPrincipal user, MfaEnrolment mfa, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await mfa.ConfirmAsync(Callers.UserId(user), request.Code, cancellationToken);
        http.Response.Headers.CacheControl = "no-store";
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }
        return outcome.Succeeded ? TypedResults.Ok(outcome.Value!) : outcome.Problem!;
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DisableMfa(
        MfaDisableRequest request, ClaimsPrincipal user, MfaEnrolment mfa, HttpContext http, CancellationToken cancellationToken)
    {
        var outcome = await mfa.DisableAsync(Callers.UserId(user), request, Callers.Client(http), cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!;
    }
}
