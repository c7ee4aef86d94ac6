namespace Ecommerce.Gateway.Routing;

/// <summary>
/// Refuses (400) paths with an encoded slash, backslash or dot. Kestrel leaves <c>%2F</c> encoded and the
/// route table matches on the decoded-but-not-split path, while a sidecar may decode and clean the method
/// path it invokes: <c>/api/catalog/..%2F..%2Fintegration-events/...</c> would pass the catalog route and
/// land on an internal endpoint. No public API needs those characters encoded in a path.
/// </summary>
public static class EncodedPathGuard
{
    private static readonly string[] Forbidden = ["%2F", "%5C", "%2E"];

    public static WebApplication UseEncodedPathGuard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? "";
            var rawPath = rawTarget.Split('?', 2)[0];
            if (Forbidden.Any(encoded => rawPath.Contains(encoded, StringComparison.OrdinalIgnoreCase)))
            {
                await TypedResults.Problem(
                    statusCode: StatusCodes.Status400BadRequest,
                    title: "The path is not valid.",
                    detail: "Encoded '/', '\\' or '.' characters are not allowed in a path.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        return app;
    }
}
