using Ecommerce.Contracts.Identity;
using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.State;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// Signing in: the password (an unknown email takes the same time and answer as a wrong password),
/// then, for an account with MFA, a TOTP or recovery code. Consecutive failures lock the account
/// with a doubling lock (<see cref="LockoutOptions"/>); while locked nothing is checked. Every failure
/// is announced on <c>users.login-failed</c>.
/// </summary>
public sealed class SignIn(
    ITransactionalStore store,
    Users users,
    Sessions sessions,
    PasswordHasher hasher,
    SecretProtector protector,
    IIdentityEvents events,
    IOptions<IdentityOptions> options,
    TimeProvider clock)
{
    public async Task<SignInOutcome> LoginAsync(LoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var email = ValidationRules.NormaliseEmail(request.Email);
        var found = await users.FindByEmailAsync(email, cancellationToken);
        if (found is null)
        {
            hasher.VerifyAgainstDummy(request.Password);
            await events.LoginFailedAsync(new LoginFailedV1(null, email, LoginFailureReason.UnknownEmail, 0, null, client.IpAddress), cancellationToken);
            return SignInOutcome.Refused(Problems.InvalidCredentials());
        }
        var user = found.Value;
        if (await RefuseWhileLockedAsync(user, client, cancellationToken) is { } locked)
        {
            return locked;
        }
        var check = hasher.Verify(request.Password, user.PasswordHash);
        if (!check.Valid)
        {
            return await FailAsync(user.Id, LoginFailureReason.WrongPassword, client, Problems.InvalidCredentials(), cancellationToken);
        }
        if (user.MfaEnabled)
        {
            if (check.NeedsRehash)
            {
                await users.EditAsync(user.Id, null, (current, _) => Outcome.Of<UserAccount?>(current with { PasswordHash = hasher.Hash(request.Password) }), cancellationToken);
            }
            return await ChallengeAsync(user, cancellationToken);
        }
        var succeeded = await users.EditAsync(user.Id, null, (current, _) =>
            Outcome.Of<UserAccount?>(current.FailedSignIns == 0 && current.LockedUntil is null && !check.NeedsRehash
                ? null
                : current with
                {
                    FailedSignIns = 0,
                    LockedUntil = null,
                    PasswordHash = check.NeedsRehash ? hasher.Hash(request.Password) : current.PasswordHash,
                }), cancellationToken);
        if (!succeeded.Succeeded)
        {
            return SignInOutcome.Refused(succeeded.Problem ?? Problems.ConcurrentChange());
        }
        return SignInOutcome.From(await sessions.StartAsync(succeeded.Value!.Value, client, cancellationToken));
    }

    /// <summary>The second step: the MFA sign-in token and a TOTP code (a step not used before) or an unused recovery code.</summary>
    public async Task<SignInOutcome> CompleteMfaAsync(MfaLoginRequest request, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = IdentityStateKeys.OneTimeToken(OpaqueTokens.Hash(request.MfaToken));
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var pending = await store.GetAsync<OneTimeToken>(key, cancellationToken);
            if (pending is null || !pending.Value.IsValidFor(OneTimePurpose.MfaSignIn, now))
            {
                return SignInOutcome.Refused(Problems.InvalidMfa());
            }
            var user = await users.GetAsync(pending.Value.UserId, cancellationToken);
            if (user?.Value.Mfa is not { } mfa)
            {
                return SignInOutcome.Refused(Problems.InvalidMfa());
            }
            if (await RefuseWhileLockedAsync(user.Value, client, cancellationToken) is { } locked)
            {
                return locked;
            }
            var accepted = AcceptCode(user.Value, mfa, request.Code, now);
            if (accepted is null)
            {
                return await FailAsync(user.Value.Id, LoginFailureReason.WrongMfaCode, client, Problems.InvalidMfa(), cancellationToken);
            }
            var signedIn = user.Value with { Mfa = accepted, FailedSignIns = 0, LockedUntil = null, UpdatedAt = now };
            if (await store.TryCommitAsync(
                [
                    new StateChange.Delete(key, pending.ETag),
                    new StateChange.Update(IdentityStateKeys.User(signedIn.Id), signedIn, user.ETag),
                ], cancellationToken))
            {
                return SignInOutcome.From(await sessions.StartAsync(signedIn, client, cancellationToken));
            }
            // Another request changed the user or used the token meanwhile: look again (a code's step is then seen as used).
        }
        return SignInOutcome.Refused(Problems.ConcurrentChange());
    }

    /// <summary>
    /// The MFA settings after accepting <paramref name="code"/> (the TOTP step recorded, or the recovery
    /// code removed), or null when the code is not accepted.
    /// </summary>
    public MfaSettings? AcceptCode(UserAccount user, MfaSettings mfa, string code, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(mfa);
        ArgumentNullException.ThrowIfNull(code);
        var secret = protector.Unprotect(mfa.EncryptedSecret, user.Id);
        if (TotpCodes.Verify(secret, code.Trim(), now, mfa.LastAcceptedStep) is { } step)
        {
            return mfa with { LastAcceptedStep = step };
        }
        if (RecoveryCodes.Match(code, mfa.RecoveryCodeHashes) is { } used)
        {
            return mfa with { RecoveryCodeHashes = [.. mfa.RecoveryCodeHashes.Where(hash => hash != used)] };
        }
        return null;
    }

    /// <summary>
    /// Counts a failure against the user (locking the account at the threshold) and announces it;
    /// answers <paramref name="problem"/>. The counter is retried on concurrent changes, never lost.
    /// </summary>
    public async Task<SignInOutcome> FailAsync(string userId, LoginFailureReason reason, ClientInfo client, ProblemHttpResult problem, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        DateTimeOffset? lockedNow = null;
        var counted = await users.EditAsync(userId, null, (current, now) =>
        {
            var failures = current.FailedSignIns + 1;
            lockedNow = options.Value.Lockout.LockFor(failures) is { } lockFor ? now + lockFor : null;
            return Outcome.Of<UserAccount?>(current with { FailedSignIns = failures, LockedUntil = lockedNow ?? current.LockedUntil });
        }, cancellationToken);
        var user = counted.Value?.Value;
        if (user is not null)
        {
            await events.LoginFailedAsync(new LoginFailedV1(user.Id, user.Email, reason, user.FailedSignIns, lockedNow, client.IpAddress), cancellationToken);
        }
        return SignInOutcome.Refused(problem);
    }

    private async Task<SignInOutcome?> RefuseWhileLockedAsync(UserAccount user, ClientInfo client, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!user.IsLocked(now))
        {
            return null;
        }
        var wait = user.LockedUntil!.Value - now;
        await events.LoginFailedAsync(new LoginFailedV1(user.Id, user.Email, LoginFailureReason.LockedOut, user.FailedSignIns, null, client.IpAddress), cancellationToken);
        return SignInOutcome.Refused(Problems.Locked(wait), wait);
    }

    private async Task<SignInOutcome> ChallengeAsync(UserAccount user, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = options.Value.MfaTokenLifetime;
        var token = OpaqueTokens.New();
        var stored = await store.TryCommitAsync(
            [new StateChange.Insert(IdentityStateKeys.OneTimeToken(OpaqueTokens.Hash(token)), new OneTimeToken(OneTimePurpose.MfaSignIn, user.Id, now, now + lifetime), lifetime)],
            cancellationToken);
        return stored
            ? new SignInOutcome(null, new MfaChallengeResponse(true, token, (int)lifetime.TotalSeconds), null, null)
            : SignInOutcome.Refused(Problems.ConcurrentChange());
    }
}

/// <summary>Tokens, an MFA challenge, or the problem (with how long to wait when the account is locked).</summary>
public sealed record SignInOutcome(
    TokenResponse? Tokens,
    MfaChallengeResponse? Challenge,
    ProblemHttpResult? Problem,
    TimeSpan? RetryAfter)
{
    public static SignInOutcome Refused(ProblemHttpResult problem, TimeSpan? retryAfter = null) =>
        new(null, null, problem, retryAfter);

    public static SignInOutcome From(Outcome<TokenResponse> started) =>
        started.Succeeded ? new(started.Value, null, null, null) : Refused(started.Problem ?? Problems.ConcurrentChange());
}
