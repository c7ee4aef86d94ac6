using Ecommerce.Identity.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ecommerce.Identity.Apis;

/// <summary>
/// Endpoints that sign tokens answer 503 (with Retry-After) while the signing key is not loaded, before
/// anything is checked or counted; any endpoint needing a key that is not loaded (the data key for MFA) too.
/// </summary>
internal static class KeyMaterialFilter
{
    public static TBuilder RequiresSigningKey<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
            invocation.HttpContext.RequestServices.GetRequiredService<SigningKeys>().IsAvailable
                ? await next(invocation)
                : Unavailable(invocation.HttpContext, "signing key"));
        return builder;
    }

    public static TBuilder WithKeyMaterialFailures<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (KeyMaterialUnavailableException)
            {
                return Unavailable(invocation.HttpContext, "key");
            }
        });
        return builder;
    }

    private static ProblemHttpResult Unavailable(HttpContext http, string what)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problems.KeysUnavailable(what);
    }
}
