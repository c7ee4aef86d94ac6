using Ecommerce.Contracts.Identity;
using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// TOTP MFA for a signed-in user: enrol (a new secret, encrypted at rest, waiting for a first code),
/// confirm with a code (MFA on; ten recovery codes shown once, stored hashed), disable with the
/// password and a code. Wrong passwords and codes here count toward the lockout like at sign-in.
/// </summary>
public sealed class MfaEnrolment(
    Users users, SignIn signIn, PasswordHasher hasher, SecretProtector protector, IOptions<IdentityOptions> options, TimeProvider clock)
{
    public async Task<Outcome<MfaEnrolmentResponse>> EnrolAsync(string userId, CancellationToken cancellationToken)
    {
        var secret = TotpCodes.NewSecret();
        var lifetime = options.Value.MfaEnrolmentLifetime;
        var enrolled = await users.EditAsync(userId, null, (user, now) => user.MfaEnabled
            ? Outcome.Refuse<UserAccount?>(Problems.MfaAlreadyEnabled())
            : Outcome.Of<UserAccount?>(user with { PendingMfa = new PendingMfa(protector.Protect(secret, user.Id), now + lifetime) }), cancellationToken);
        if (!enrolled.Succeeded)
        {
            return new Outcome<MfaEnrolmentResponse>(null, enrolled.Problem, enrolled.Invalid);
        }
        var base32 = TotpCodes.Base32(secret);
        return Outcome.Of<MfaEnrolmentResponse>(new MfaEnrolmentResponse(base32, TotpCodes.OtpauthUri(base32, enrolled.Value!.Value.Email), (int)lifetime.TotalSeconds));
    }

    public async Task<Outcome<RecoveryCodesResponse>> ConfirmAsync(string userId, string code, CancellationToken cancellationToken)
    {
        var codes = RecoveryCodes.Generate();
        var confirmed = await users.EditAsync(userId, null, (user, now) =>
        {
            if (user.MfaEnabled)
            {
                return Outcome.Refuse<UserAccount?>(Problems.MfaAlreadyEnabled());
            }
            if (user.PendingMfa is not { } pending || pending.ExpiresAt <= now)
            {
                return Outcome.Refuse<UserAccount?>(Problems.MfaNotPending());
            }
            var secret = protector.Unprotect(pending.EncryptedSecret, user.Id);
            if (TotpCodes.Verify(secret, code, now, lastAcceptedStep: 0) is not { } step)
            {
                return Outcome.Refuse<UserAccount?>(Problems.Field("code", "The code is not the authenticator's current one."));
            }
            return Outcome.Of<UserAccount?>(user with
            {
                Mfa = new MfaSettings(pending.EncryptedSecret, step, [.. codes.Select(RecoveryCodes.Hash)], now),
                PendingMfa = null,
            });
        }, cancellationToken);
        return confirmed.Succeeded
            ? Outcome.Of<RecoveryCodesResponse>(new RecoveryCodesResponse(codes))
            : new Outcome<RecoveryCodesResponse>(null, confirmed.Problem, confirmed.Invalid);
    }

    public async Task<Outcome<UserAccount>> DisableAsync(string userId, MfaDisableRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await users.GetAsync(userId, cancellationToken);
        if (current is null)
        {
            return Outcome.Refuse<UserAccount>(Problems.UserNotFound());
        }
        var now = clock.GetUtcNow();
        if (current.Value.IsLocked(now))
        {
            return Outcome.Refuse<UserAccount>(Problems.Locked(current.Value.LockedUntil!.Value - now));
        }
        if (current.Value.Mfa is null)
        {
            return Outcome.Refuse<UserAccount>(Problems.MfaNotEnabled());
        }
        if (!hasher.Verify(request.Password, current.Value.PasswordHash).Valid)
        {
            await signIn.FailAsync(userId, LoginFailureReason.WrongPassword, client, Problems.InvalidCredentials(), cancellationToken);
            return Outcome.Refuse<UserAccount>(Problems.Field("password", "The password is not correct."));
        }
        var wrongCode = false;
        var disabled = await users.EditAsync(userId, null, (user, at) =>
        {
            if (user.Mfa is not { } mfa)
            {
                return Outcome.Refuse<UserAccount?>(Problems.MfaNotEnabled());
            }
            wrongCode = signIn.AcceptCode(user, mfa, request.Code, at) is null;
            return wrongCode
                ? Outcome.Refuse<UserAccount?>(Problems.Field("code", "The code is neither a current authenticator code nor an unused recovery code."))
                : Outcome.Of<UserAccount?>(user with { Mfa = null, PendingMfa = null, FailedSignIns = 0, LockedUntil = null });
        }, cancellationToken);
        if (wrongCode)
        {
            await signIn.FailAsync(userId, LoginFailureReason.WrongMfaCode, client, Problems.InvalidMfa(), cancellationToken);
        }
        return disabled.Succeeded
            ? Outcome.Of<UserAccount>(disabled.Value!.Value)
            : new Outcome<UserAccount>(null, disabled.Problem, disabled.Invalid);
    }
}
