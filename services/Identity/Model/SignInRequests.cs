using Ecommerce.Identity.Security;
using FluentValidation;

namespace Ecommerce.Identity.Model;

public sealed record LoginRequest(string Email, string Password);

public sealed class LoginRequestValidator : AbstractValidator<LoginRequest>
{
    public LoginRequestValidator()
    {
        RuleFor(request => request.Email).NotEmpty().MaximumLength(ValidationRules.MaxEmailLength);
        RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
    }
}

/// <summary>The second step of a sign-in with MFA: the token of the first step and a TOTP or recovery code.</summary>
public sealed record MfaLoginRequest(string MfaToken, string Code);

public sealed class MfaLoginRequestValidator : AbstractValidator<MfaLoginRequest>
{
    public MfaLoginRequestValidator()
    {
        RuleFor(request => request.MfaToken).ValidToken();
        RuleFor(request => request.Code).ValidCode();
    }
}

/// <summary>A refresh token (refresh, logout).</summary>
public sealed record RefreshTokenRequest(string RefreshToken);

public sealed class RefreshTokenRequestValidator : AbstractValidator<RefreshTokenRequest>
{
    public RefreshTokenRequestValidator() => RuleFor(request => request.RefreshToken).ValidToken();
}

public sealed record MfaConfirmRequest(string Code);

public sealed class MfaConfirmRequestValidator : AbstractValidator<MfaConfirmRequest>
{
    public MfaConfirmRequestValidator() => RuleFor(request => request.Code).NotEmpty().Matches("^[0-9]{6}$").WithMessage("The 6-digit code of the authenticator app.");
}

/// <summary>Turning MFA off takes the password and a code (TOTP or recovery).</summary>
public sealed record MfaDisableRequest(string Password, string Code);

public sealed class MfaDisableRequestValidator : AbstractValidator<MfaDisableRequest>
{
    public MfaDisableRequestValidator()
    {
        RuleFor(request => request.Password).NotEmpty().MaximumLength(PasswordPolicy.MaxLength);
        RuleFor(request => request.Code).ValidCode();
    }
}

/// <summary>Tokens of a successful sign-in or refresh.</summary>
public sealed record TokenResponse(string AccessToken, string TokenType, int ExpiresIn, string RefreshToken);

/// <summary>The answer to a correct password when the account has MFA: a second step is needed.</summary>
public sealed record MfaChallengeResponse(bool MfaRequired, string MfaToken, int ExpiresIn);

public sealed record MfaEnrolmentResponse(string Secret, string OtpauthUri, int ExpiresIn);

public sealed record RecoveryCodesResponse(IReadOnlyList<string> RecoveryCodes);
