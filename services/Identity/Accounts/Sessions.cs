using Ecommerce.Identity.Apis;
using Ecommerce.Identity.Infrastructure;
using Ecommerce.Identity.Model;
using Ecommerce.Identity.Security;
using Ecommerce.ServiceDefaults.State;
using Microsoft.Extensions.Options;

namespace Ecommerce.Identity.Accounts;

/// <summary>
/// Sessions and their refresh tokens. A sign-in starts a session (the refresh-token family); a refresh
/// rotates its token: the presented one is marked rotated and a new one becomes the session's current,
/// in one transaction conditioned on both versions read, so of two refreshes with one token at most one
/// succeeds. Presenting a rotated token again is reuse (a copy is in someone else's hands): the whole
/// session is revoked. Revoking deletes the session, which every token of the family needs; access
/// tokens already issued stay valid until they expire (minutes), as JWTs are checked without a call here.
/// <para>
/// Lifetimes are sliding: each refresh token expires <see cref="IdentityOptions.RefreshTokenLifetime"/>
/// after it was issued and the session with its current token, so a session used at least that often lives on.
/// </para>
/// </summary>
public sealed class Sessions(
    ITransactionalStore store, Users users, AccessTokenIssuer issuer, IOptions<IdentityOptions> options, TimeProvider clock)
{
    public const int MaxDeviceLength = 200;

    /// <summary>Starts a session for a user who just proved who they are, and issues its first tokens.</summary>
    public async Task<Outcome<TokenResponse>> StartAsync(UserAccount user, ClientInfo client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(client);
        var lifetime = options.Value.RefreshTokenLifetime;
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var now = clock.GetUtcNow();
            var (list, live) = await LiveSessionsAsync(user.Id, cancellationToken);
            var refreshToken = OpaqueTokens.New();
            var hash = OpaqueTokens.Hash(refreshToken);
            var session = new Session(Guid.NewGuid().ToString("N"), user.Id, Truncate(client.Device), client.IpAddress, now, now, hash, now + lifetime);
            List<string> ids = [.. live.Select(s => s.Value.Id), session.Id];
            if (await store.TryCommitAsync(
                [
                    new StateChange.Insert(IdentityStateKeys.Session(session.Id), session, lifetime),
                    new StateChange.Insert(IdentityStateKeys.RefreshToken(hash), new RefreshTokenRecord(session.Id, user.Id, now, now + lifetime, null), lifetime),
                    StateChange.Write(IdentityStateKeys.UserSessions(user.Id), new UserSessions(ids), list?.ETag),
                ], cancellationToken))
            {
                return Outcome.Of<TokenResponse>(Tokens(user, session.Id, refreshToken));
            }
        }
        return Outcome.Refuse<TokenResponse>(Problems.ConcurrentChange());
    }

    public async Task<Outcome<TokenResponse>> RefreshAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = OpaqueTokens.Hash(refreshToken);
        var record = await store.GetAsync<RefreshTokenRecord>(IdentityStateKeys.RefreshToken(hash), cancellationToken);
        if (record is null || record.Value.ExpiresAt <= now)
        {
            return Outcome.Refuse<TokenResponse>(Problems.InvalidRefreshToken());
        }
        var session = await store.GetAsync<Session>(IdentityStateKeys.Session(record.Value.SessionId), cancellationToken);
        if (session is null || session.Value.ExpiresAt <= now)
        {
            return Outcome.Refuse<TokenResponse>(Problems.InvalidRefreshToken());
        }
        if (record.Value.RotatedAt is not null || !OpaqueTokens.SameHash(session.Value.CurrentRefreshHash, hash))
        {
            // Reuse of a rotated token: whoever holds the family's tokens, it is compromised.
            await RevokeAsync(session.Value.Id, cancellationToken);
            return Outcome.Refuse<TokenResponse>(Problems.InvalidRefreshToken());
        }
        var user = await users.GetAsync(session.Value.UserId, cancellationToken);
        if (user is null)
        {
            return Outcome.Refuse<TokenResponse>(Problems.InvalidRefreshToken());
        }
        var lifetime = options.Value.RefreshTokenLifetime;
        var next = OpaqueTokens.New();
        var nextHash = OpaqueTokens.Hash(next);
        var renewed = session.Value with { CurrentRefreshHash = nextHash, LastUsedAt = now, ExpiresAt = now + lifetime };
        var committed = await store.TryCommitAsync(
            [
                new StateChange.Update(IdentityStateKeys.RefreshToken(hash), record.Value with { RotatedAt = now }, record.ETag, record.Value.ExpiresAt - now),
                new StateChange.Insert(IdentityStateKeys.RefreshToken(nextHash), new RefreshTokenRecord(renewed.Id, renewed.UserId, now, now + lifetime, null), lifetime),
                new StateChange.Update(IdentityStateKeys.Session(renewed.Id), renewed, session.ETag, lifetime),
            ], cancellationToken);
        // Losing the race means the same token was refreshed at the same moment: only one may win.
        return committed
            ? Outcome.Of<TokenResponse>(Tokens(user.Value, renewed.Id, next))
            : Outcome.Refuse<TokenResponse>(Problems.InvalidRefreshToken());
    }

    /// <summary>Ends the session a refresh token belongs to; nothing when the token is unknown (idempotent).</summary>
    public async Task LogoutAsync(string refreshToken, CancellationToken cancellationToken)
    {
        var record = await store.GetAsync<RefreshTokenRecord>(IdentityStateKeys.RefreshToken(OpaqueTokens.Hash(refreshToken)), cancellationToken);
        if (record is not null)
        {
            await RevokeAsync(record.Value.SessionId, cancellationToken);
        }
    }

    /// <summary>The user's live sessions, newest first; <paramref name="currentSessionId"/> is flagged.</summary>
    public async Task<IReadOnlyList<SessionView>> ListAsync(string userId, string? currentSessionId, CancellationToken cancellationToken)
    {
        var (_, live) = await LiveSessionsAsync(userId, cancellationToken);
        return [.. live
            .Select(s => s.Value)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new SessionView(s.Id, s.Device, s.IpAddress, s.CreatedAt, s.LastUsedAt, s.Id == currentSessionId))];
    }

    /// <summary>Revokes one of the user's sessions; false when it is not theirs or does not exist.</summary>
    public async Task<bool> RevokeOwnAsync(string userId, string sessionId, CancellationToken cancellationToken)
    {
        var session = await store.GetAsync<Session>(IdentityStateKeys.Session(sessionId), cancellationToken);
        if (session is null || session.Value.UserId != userId)
        {
            return false;
        }
        await RevokeAsync(sessionId, cancellationToken);
        return true;
    }

    /// <summary>Revokes a session: deletes it, its current refresh token and its entry in the user's list, in one transaction.</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var session = await store.GetAsync<Session>(IdentityStateKeys.Session(sessionId), cancellationToken);
            if (session is null)
            {
                return;
            }
            var list = await store.GetAsync<UserSessions>(IdentityStateKeys.UserSessions(session.Value.UserId), cancellationToken);
            List<StateChange> changes =
            [
                new StateChange.Delete(IdentityStateKeys.Session(sessionId), session.ETag),
                new StateChange.Delete(IdentityStateKeys.RefreshToken(session.Value.CurrentRefreshHash)),
            ];
            if (list is not null)
            {
                changes.Add(new StateChange.Update(IdentityStateKeys.UserSessions(session.Value.UserId),
                    new UserSessions([.. list.Value.SessionIds.Where(id => id != sessionId)]), list.ETag));
            }
            if (await store.TryCommitAsync(changes, cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"The session {sessionId} stayed contended for {Users.Attempts} attempts.");
    }

    /// <summary>Revokes every session of the user but <paramref name="keepSessionId"/>, in one transaction.</summary>
    public async Task RevokeAllAsync(string userId, string? keepSessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Users.Attempts; attempt++)
        {
            var (list, live) = await LiveSessionsAsync(userId, cancellationToken);
            if (list is null)
            {
                return;
            }
            var revoked = live.Where(s => s.Value.Id != keepSessionId).ToList();
            var changes = revoked.SelectMany(s => new StateChange[]
            {
                new StateChange.Delete(IdentityStateKeys.Session(s.Value.Id), s.ETag),
                new StateChange.Delete(IdentityStateKeys.RefreshToken(s.Value.CurrentRefreshHash)),
            }).ToList();
            var kept = live.Where(s => s.Value.Id == keepSessionId).Select(s => s.Value.Id).ToList();
            changes.Add(new StateChange.Update(IdentityStateKeys.UserSessions(userId), new UserSessions(kept), list.ETag));
            if (await store.TryCommitAsync(changes, cancellationToken))
            {
                return;
            }
        }
        throw new InvalidOperationException($"The sessions of {userId} stayed contended for {Users.Attempts} attempts.");
    }

    private TokenResponse Tokens(UserAccount user, string sessionId, string refreshToken)
    {
        var access = issuer.Issue(user, sessionId);
        return new TokenResponse(access.Token, "Bearer", access.ExpiresIn, refreshToken);
    }

    /// <summary>The user's session list and the sessions in it that still exist and have not expired.</summary>
    private async Task<(Versioned<UserSessions>? List, IReadOnlyList<Versioned<Session>> Live)> LiveSessionsAsync(string userId, CancellationToken cancellationToken)
    {
        var list = await store.GetAsync<UserSessions>(IdentityStateKeys.UserSessions(userId), cancellationToken);
        if (list is null || list.Value.SessionIds.Count == 0)
        {
            return (list, []);
        }
        var now = clock.GetUtcNow();
        var sessions = await store.GetManyAsync<Session>([.. list.Value.SessionIds.Select(IdentityStateKeys.Session)], cancellationToken);
        return (list, [.. sessions.Where(s => s.Value.UserId == userId && s.Value.ExpiresAt > now)]);
    }

    private static string? Truncate(string? device) =>
        device is { Length: > MaxDeviceLength } ? device[..MaxDeviceLength] : device;
}
