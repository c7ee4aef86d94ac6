namespace Ecommerce.Gateway.RateLimiting;

/// <summary>Configuration section <c>Gateway:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimits";

    public GeneralLimit General { get; set; } = new();

    public AuthLimit Auth { get; set; } = new();

    /// <summary>
    /// Every request, per signed-in user (<c>sub</c>) or else per client IP: a token bucket of
    /// <see cref="TokenLimit"/> requests (the burst) refilled by <see cref="TokensPerPeriod"/> every
    /// <see cref="ReplenishmentPeriod"/> (by default 100 at once, 100 per 10 s sustained).
    /// </summary>
    public sealed class GeneralLimit
    {
        public int TokenLimit { get; set; } = 100;

        public int TokensPerPeriod { get; set; } = 10;

        public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
    }

    /// <summary>The identity service's anonymous endpoints, per client IP: <see cref="PermitLimit"/> per fixed <see cref="Window"/>.</summary>
    public sealed class AuthLimit
    {
        public int PermitLimit { get; set; } = 10;

        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }
}
