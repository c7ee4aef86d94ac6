using Ecommerce.Identity.Security;
using FluentValidation;

namespace Ecommerce.Identity.Model;

/// <summary>A new account. The email is stored trimmed and in lower case.</summary>
public sealed record RegisterRequest(string Email, string Password, string Name);

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(request => request.Email).ValidEmail();
        RuleFor(request => request.Name).ValidName();
        RuleFor(request => request.Password).NotEmpty().Custom((password, context) =>
        {
            if (PasswordPolicy.Check(password, context.InstanceToValidate.Email) is { } problem)
            {
                context.AddFailure(problem);
            }
        });
    }
}

/// <summary>The token from the verification email.</summary>
public sealed record VerifyEmailRequest(string Token);

public sealed class VerifyEmailRequestValidator : AbstractValidator<VerifyEmailRequest>
{
    public VerifyEmailRequestValidator() => RuleFor(request => request.Token).ValidToken();
}

/// <summary>An email address (resend the verification, forgotten password).</summary>
public sealed record EmailRequest(string Email);

public sealed class EmailRequestValidator : AbstractValidator<EmailRequest>
{
    public EmailRequestValidator() => RuleFor(request => request.Email).ValidEmail();
}

/// <summary>The token from the reset email and the new password.</summary>
public sealed record ResetPasswordRequest(string Token, string NewPassword);

public sealed class ResetPasswordRequestValidator : AbstractValidator<ResetPasswordRequest>
{
    public ResetPasswordRequestValidator()
    {
        RuleFor(request => request.Token).ValidToken();
        RuleFor(request => request.NewPassword).ValidNewPassword();
    }
}

/// <summary>A signed-in user's password change.</summary>
public sealed record ChangePasswordRequest(string CurrentPassword, string NewPassword);

public sealed class ChangePasswordRequestValidator : AbstractValidator<ChangePasswordRequest>
{
    public ChangePasswordRequestValidator()
    {
        RuleFor(request => request.CurrentPassword).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(request => request.NewPassword).ValidNewPassword();
    }
}

/// <summary>What a user may change of their profile (the email is not: changing it is out of scope).</summary>
public sealed record UpdateProfileRequest(string Name, string? Phone);

public sealed class UpdateProfileRequestValidator : AbstractValidator<UpdateProfileRequest>
{
    public UpdateProfileRequestValidator()
    {
        RuleFor(request => request.Name).ValidName();
        RuleFor(request => request.Phone).ValidPhone();
    }
}
