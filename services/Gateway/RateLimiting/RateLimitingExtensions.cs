using System.Threading.RateLimiting;
using Ecommerce.Gateway.Resilience;
using Ecommerce.ServiceDefaults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ecommerce.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>
    /// ASP.NET Core's rate limiter: the general limit on every request (probes and scrapes excepted) and
    /// the <see cref="RateLimitPolicies.Auth"/> policy on the routes that name it. A refusal is a 429
    /// problem with <c>Retry-After</c>. Limits are read from <see cref="RateLimitOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddGatewayRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .Validate(options => options.General.TokenLimit > 0 && options.General.TokensPerPeriod > 0 && options.General.ReplenishmentPeriod > TimeSpan.Zero
                && options.Auth.PermitLimit > 0 && options.Auth.Window > TimeSpan.Zero, "Gateway:RateLimits: limits and periods must be positive.")
            .ValidateOnStart();

        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsExempt(context.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("infrastructure")
                    : RateLimitPartition.GetTokenBucketLimiter(UserOrAddress(context), _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.General.TokenLimit,
                        TokensPerPeriod = limits.General.TokensPerPeriod,
                        ReplenishmentPeriod = limits.General.ReplenishmentPeriod,
                        QueueLimit = 0,
                    }));
            options.AddPolicy(RateLimitPolicies.Auth, context => RateLimitPartition.GetFixedWindowLimiter(Address(context), _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limits.Auth.PermitLimit,
                Window = limits.Auth.Window,
                QueueLimit = 0,
            }));
            options.OnRejected = (rejected, cancellationToken) => WriteRejectionAsync(rejected, limits, cancellationToken);
        });
        return builder;
    }

    /// <summary>Probes and scrapes, and the sidecar's own calls to the gateway (<c>/dapr/subscribe</c>, ...), are never limited.</summary>
    private static bool IsExempt(PathString path) => InfrastructureEndpoints.Contains(path) || path.StartsWithSegments("/dapr");

    /// <summary>The signed-in user (authentication ran before the limiter), else the client's address.</summary>
    private static string UserOrAddress(HttpContext context) =>
        context.User.Identity is { IsAuthenticated: true } && context.User.FindFirst("sub")?.Value is { Length: > 0 } subject
            ? $"user:{subject}"
            : Address(context);

    private static string Address(HttpContext context) => $"ip:{context.Connection.RemoteIpAddress}";

    private static async ValueTask WriteRejectionAsync(OnRejectedContext rejected, RateLimitOptions limits, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        // Both limiters say when a permit comes back; without that, the longest period is a safe answer.
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? after
            : TimeSpan.FromTicks(Math.Max(limits.General.ReplenishmentPeriod.Ticks, limits.Auth.Window.Ticks));
        UnavailableProblem.SetRetryAfter(context.Response, retryAfter);
        cancellationToken.ThrowIfCancellationRequested();
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"The rate limit was reached. Try again in {context.Response.Headers.RetryAfter} s.",
            },
        });
    }
}
