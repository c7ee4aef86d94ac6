using Ecommerce.Ordering.Infrastructure;

namespace Ecommerce.Ordering.Apis;

/// <summary>
/// A dependency (cart, the workflow engine behind the sidecar) that cannot answer makes the request a 503 with
/// Retry-After instead of a 500: the request may succeed later, and every order request is safe to send again.
/// </summary>
internal static partial class DependencyFailureFilter
{
    public static TBuilder WithDependencyFailures<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            try
            {
                return await next(invocation);
            }
            catch (DependencyUnavailableException error)
            {
                var logger = invocation.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DependencyFailureFilter));
                LogUnavailable(logger, error, error.AppId ?? "a dependency");
                invocation.HttpContext.Response.Headers.RetryAfter = "5";
                return TypedResults.Problem(
                    title: "A service this request depends on is unavailable. Try again shortly.",
                    detail: error.Message,
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        return builder;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{AppId} is unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string appId);
}
