namespace Ecommerce.Contracts;

/// <summary>
/// Names of secrets read from the <see cref="Components.SecretStore"/> component. Upper case with
/// underscores so that the same name works in every store: a key of a JSON file
/// (<c>secretstores.local.file</c>) and an environment variable after the store's prefix
/// (<c>secretstores.local.env</c>, <c>ECOMMERCE_</c>).
/// </summary>
public static class SecretNames
{
    /// <summary>PKCS#8 PEM of the EC P-256 key that signs access tokens now (ES256).</summary>
    public const string IdentitySigningKey = "IDENTITY_SIGNING_KEY";

    /// <summary>
    /// Optional: PEM keys that signed tokens before the last rotation. Their public halves stay in
    /// the JWKS document until every token they signed has expired; they never sign again.
    /// </summary>
    public const string IdentityRetiredSigningKeys = "IDENTITY_RETIRED_SIGNING_KEYS";

    /// <summary>Base64 of 32 random bytes: the AES-256-GCM key that encrypts TOTP secrets at rest.</summary>
    public const string IdentityDataKey = "IDENTITY_DATA_KEY";

    /// <summary>Password of the seeded admin account; no admin is seeded while it is empty.</summary>
    public const string IdentityAdminPassword = "IDENTITY_ADMIN_PASSWORD";

    /// <summary>
    /// At least 32 random characters: the HMAC key from which the shipping service derives shipment ids and
    /// tracking numbers (deterministic per order, unguessable without the key).
    /// </summary>
    public const string ShippingTrackingKey = "SHIPPING_TRACKING_KEY";
}
