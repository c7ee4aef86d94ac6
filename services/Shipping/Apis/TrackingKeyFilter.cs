using Ecommerce.Shipping.Security;

namespace Ecommerce.Shipping.Apis;

/// <summary>Endpoints that derive identities answer 503 (with Retry-After) while the tracking key is not loaded.</summary>
internal static class TrackingKeyFilter
{
    public static TBuilder RequiresTrackingKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            if (invocation.HttpContext.RequestServices.GetRequiredService<TrackingKey>().IsLoaded)
            {
                return await next(invocation);
            }
            invocation.HttpContext.Response.Headers.RetryAfter = "5";
            return Problems.TrackingKeyUnavailable();
        });
        return builder;
    }
}
