using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Ecommerce.Gateway.Tests.Environment;

/// <summary>
/// Put in front of a real service's pipeline: records every request it receives (body included, then
/// rewound for the service), so that a test sees exactly what arrived, and what never did.
/// </summary>
internal sealed class RequestRecorder(ConcurrentQueue<RecordedRequest> requests) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            context.Request.EnableBuffering();
            using var reader = new StreamReader(context.Request.Body, leaveOpen: true);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Request.Body.Position = 0;
            requests.Enqueue(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "",
                context.Request.QueryString.Value ?? "",
                context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body));
            await following(context);
        });
        next(app);
    };
}
