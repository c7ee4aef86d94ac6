using Ecommerce.Identity.Accounts;
using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// Accounts without a session: registration, email verification, forgotten passwords. Answers never
/// tell whether an email has an account, except registration's 409 (which cannot be avoided without
/// making registration itself asynchronous).
/// </summary>
public static class AccountApi
{
    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/api/identity")
            .WithTags("Account")
            .WithRequestValidation()
            .WithKeyMaterialFailures();

        account.MapPost("/register", Register)
            .WithName("Register")
            .WithSummary("Create an account")
            .WithDescription("A customer account for the email (stored trimmed, in lower case) with the password (10 to 128 characters, not the email's name, not a common password). A verification email is requested; until verified, access tokens say email_verified false. 409 when the email has an account.")
            .AllowAnonymous();

        account.MapPost("/verify-email", VerifyEmail)
            .WithName("VerifyEmail")
            .WithSummary("Verify the email address with the token from the email")
            .WithDescription("Single use, valid 24 hours, and only the newest token sent works. 400 for an unknown, used, expired or replaced token.")
            .AllowAnonymous();

        account.MapPost("/verify-email/resend", ResendVerification)
            .WithName("ResendVerificationEmail")
            .WithSummary("Send the verification email again")
            .WithDescription("Always 202, whether or not the email has an account; an email is sent only to an existing unverified account, and the previous token stops working.")
            .AllowAnonymous();

        account.MapPost("/password/forgot", ForgotPassword)
            .WithName("ForgotPassword")
            .WithSummary("Ask for a password reset email")
            .WithDescription("Always 202, whether or not the email has an account; an existing account gets a reset token valid one hour (a new request replaces it).")
            .AllowAnonymous();

        account.MapPost("/password/reset", ResetPassword)
            .WithName("ResetPassword")
            .WithSummary("Set a new password with the token from the reset email")
            .WithDescription("Consumes the token, sets the password (same policy as registration), ends any lockout and signs out every session.")
            .AllowAnonymous();

        return app;
    }

    public static async Task<Results<Created<UserView>, ProblemHttpResult, ValidationProblem>> Register(
        RegisterRequest request, Registration registration, CancellationToken cancellationToken)
    {
        var outcome = await registration.RegisterAsync(request, cancellationToken);
        return outcome.Succeeded
            ? TypedResults.Created("/api/identity/me", UserView.Of(outcome.Value!))
            : outcome.Problem!;
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> VerifyEmail(
        VerifyEmailRequest request, EmailVerification verification, CancellationToken cancellationToken)
    {
        var outcome = await verification.VerifyAsync(request.Token, cancellationToken);
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!;
    }

    public static async Task<Results<Accepted, ValidationProblem>> ResendVerification(
        EmailRequest request, EmailVerification verification, CancellationToken cancellationToken)
    {
        await verification.ResendAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<Accepted, ValidationProblem>> ForgotPassword(
        EmailRequest request, Passwords passwords, CancellationToken cancellationToken)
    {
        await passwords.ForgotAsync(request.Email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    public static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> ResetPassword(
        ResetPasswordRequest request, Passwords passwords, CancellationToken cancellationToken)
    {
        var outcome = await passwords.ResetAsync(request, cancellationToken);
        if (outcome.Invalid is not null)
        {
            return outcome.Invalid;
        }
        return outcome.Succeeded ? TypedResults.NoContent() : outcome.Problem!;
    }
}
