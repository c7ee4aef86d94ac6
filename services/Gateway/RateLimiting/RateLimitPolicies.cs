namespace Ecommerce.Gateway.RateLimiting;

/// <summary>Names of the endpoint rate-limit policies (the general limit applies to every request).</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in, registration, token refresh, email verification, password reset: per client IP, strict.</summary>
    public const string Auth = "auth";
}
