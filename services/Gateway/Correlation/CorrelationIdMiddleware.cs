using Serilog.Context;

namespace Ecommerce.Gateway.Correlation;

/// <summary>
/// Takes the client's correlation id when it is valid or makes one, puts it on the request (so the
/// proxy forwards it to the service), on the response, and on every log event of the request.
/// </summary>
public static class CorrelationIdMiddleware
{
    private const string LogProperty = "CorrelationId";

    public static WebApplication UseCorrelationId(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var sent = context.Request.Headers[CorrelationId.HeaderName];
            var id = sent.Count == 1 && CorrelationId.IsValid(sent[0]) ? sent[0]! : CorrelationId.New();
            context.Request.Headers[CorrelationId.HeaderName] = id;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[CorrelationId.HeaderName] = id;
                return Task.CompletedTask;
            });
            using (LogContext.PushProperty(LogProperty, id))
            {
                await next(context);
            }
        });
        return app;
    }
}
