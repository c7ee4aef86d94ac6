using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;

namespace Ecommerce.ServiceDefaults.Dapr;

/// <summary>
/// Refuses (401) any request that does not carry the app token the sidecar sends, so that with
/// <c>APP_API_TOKEN</c> set nothing on the network can reach the app around its sidecar.
/// Compared in constant time; the token itself is never logged.
/// </summary>
internal sealed class AppApiTokenMiddleware(RequestDelegate next, IConfiguration configuration, IProblemDetailsService problemDetails)
{
    public const string HeaderName = "dapr-api-token";

    private readonly byte[]? _expected = configuration["APP_API_TOKEN"] is { Length: > 0 } token ? Encoding.UTF8.GetBytes(token) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_expected is null || InfrastructureEndpoints.Contains(context.Request.Path) || CarriesToken(context.Request))
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        await problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Only the Dapr sidecar may call this service.",
                Detail = $"The request has no valid '{HeaderName}' header.",
            },
        });
    }

    private bool CarriesToken(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out var values)
        && values.Count == 1
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(values[0] ?? string.Empty), _expected);
}
