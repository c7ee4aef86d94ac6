using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Ecommerce.ServiceDefaults.Errors;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// Every failure is an RFC 9457 problem (<c>application/problem+json</c>) carrying the
    /// request's <c>traceId</c>, whether it comes from an endpoint, the framework (401, 404,
    /// 405, 415), an unreadable body or an exception.
    /// </summary>
    public static IHostApplicationBuilder AddDefaultProblemDetails(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ExceptionProblemDetailsHandler>();

        // An unreadable body or a malformed route value throws BadHttpRequestException, which
        // the handler turns into a 400 with the reason; without this, minimal APIs answer an
        // empty 400 outside Development and the caller never learns what was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        return builder;
    }

    public static WebApplication UseDefaultProblemDetails(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
