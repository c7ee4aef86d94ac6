namespace Ecommerce.ServiceDefaults.Auth;

/// <summary>
/// How access tokens are validated (configuration section <c>Jwt</c>). Every service shares
/// issuer and audience; signing keys come from the identity service's JWKS document.
/// </summary>
public sealed class JwtOptions
{
    public const string SectionName = "Jwt";

    public string Issuer { get; set; } = "ecommerce-identity";

    public string Audience { get; set; } = "ecommerce";

    /// <summary>
    /// Where the signing keys are published. When empty, the identity service's JWKS is read
    /// through this service's own sidecar (<c>/v1.0/invoke/identity/method/.well-known/jwks.json</c>).
    /// </summary>
    public string? JwksUrl { get; set; }

    /// <summary>Tolerated clock difference between the identity service and this one.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
