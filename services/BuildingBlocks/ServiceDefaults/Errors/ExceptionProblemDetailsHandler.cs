using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Ecommerce.ServiceDefaults.Errors;

/// <summary>
/// Turns exceptions into problems. A bad request keeps its 4xx status and says why; an
/// unreachable dependency is a 503 the caller may retry; anything else is a 500 whose detail
/// (the exception) is shown only in Development — never a stack trace anywhere else.
/// </summary>
internal sealed partial class ExceptionProblemDetailsHandler(
    IProblemDetailsService problemDetails,
    IHostEnvironment environment,
    ILogger<ExceptionProblemDetailsHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException badRequest)
        {
            problem = new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Title = "The request is not valid.",
                Detail = badRequest.InnerException is null ? badRequest.Message : $"{badRequest.Message} {badRequest.InnerException.Message}",
            };
        }
        else if (DependencyFailure.IsUnavailable(exception))
        {
            // The sidecar (or a component behind it) cannot be reached: the request may
            // succeed later, which a 503 says and a 500 would not.
            LogDependencyUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = "5";
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "A service this request depends on is unavailable. Try again shortly.",
                // Which service and why, when a call to another service said so (never anything from a request).
                Detail = DependencyFailure.Explained(exception)?.Message,
            };
        }
        else if (exception is OperationCanceledException && httpContext.RequestAborted.IsCancellationRequested)
        {
            // The caller went away; nobody reads the answer.
            problem = new ProblemDetails { Status = 499, Title = "The client closed the request." };
        }
        else
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "An unexpected error occurred.",
                Detail = environment.IsDevelopment() ? exception.ToString() : null,
            };
        }

        httpContext.Response.StatusCode = problem.Status.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dependency unavailable on {Method} {Path}")]
    private static partial void LogDependencyUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
