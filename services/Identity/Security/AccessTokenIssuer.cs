using Ecommerce.Identity.Model;
using Ecommerce.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ecommerce.Identity.Security;

/// <summary>
/// Issues access tokens: JWTs signed ES256 with the current key (its thumbprint as <c>kid</c>), for
/// the issuer and audience every service validates (<see cref="JwtOptions"/>), carrying <c>sub</c>,
/// one <c>role</c> per role, <c>email</c>, <c>email_verified</c>, the session (<c>sid</c>) and a <c>jti</c>.
/// </summary>
public sealed class AccessTokenIssuer(SigningKeys keys, IOptions<JwtOptions> jwt, IOptions<IdentityOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedAccessToken Issue(UserAccount user, string sessionId)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = clock.GetUtcNow();
        var lifetime = options.Value.AccessTokenLifetime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = jwt.Value.Issuer,
            Audience = jwt.Value.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            SigningCredentials = keys.Current,
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id,
                ["role"] = user.Roles.ToArray(),
                [JwtRegisteredClaimNames.Email] = user.Email,
                ["email_verified"] = user.EmailVerified,
                [JwtRegisteredClaimNames.Sid] = sessionId,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        });
        return new IssuedAccessToken(token, (int)lifetime.TotalSeconds);
    }
}

public sealed record IssuedAccessToken(string Token, int ExpiresIn);
