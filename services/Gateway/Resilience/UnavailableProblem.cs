using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Ecommerce.Gateway.Resilience;

/// <summary>The one answer for "a service cannot be reached": 503, a problem naming the service, and Retry-After.</summary>
public static class UnavailableProblem
{
    public const string Title = "Service unavailable";

    public static ProblemDetails For(string appId) => new()
    {
        Status = StatusCodes.Status503ServiceUnavailable,
        Title = Title,
        Detail = $"{appId} is not answering",
        Extensions = { ["service"] = appId },
    };

    /// <summary>The same answer from an endpoint: sets Retry-After on the response and returns the problem.</summary>
    public static ProblemHttpResult Result(HttpResponse response, string appId, TimeSpan retryAfter)
    {
        SetRetryAfter(response, retryAfter);
        var problem = For(appId);
        return TypedResults.Problem(problem.Detail, statusCode: problem.Status, title: problem.Title, extensions: problem.Extensions);
    }

    public static async Task WriteAsync(HttpContext context, string appId, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        SetRetryAfter(context.Response, retryAfter);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = For(appId),
        });
    }

    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }
}
