using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Ecommerce.Gateway.Resilience;

/// <summary>
/// The last step of the proxy pipeline: when forwarding failed before anything was sent back (the
/// sidecar unreachable or reporting the service unreachable, the backstop timeout), the client gets
/// the gateway's 503 problem naming the service instead of YARP's empty 502/504.
/// </summary>
public static partial class ForwarderFailures
{
    public static IReverseProxyApplicationBuilder UseForwarderFailureProblems(this IReverseProxyApplicationBuilder proxy)
    {
        ArgumentNullException.ThrowIfNull(proxy);
        proxy.Use(async (context, next) =>
        {
            await next();
            var failure = context.Features.Get<IForwarderErrorFeature>();
            if (failure is null || context.Response.HasStarted || !MeansUnavailable(failure.Error))
            {
                return;
            }
            var appId = context.Features.Get<IReverseProxyFeature>()?.Route.Config.ClusterId ?? "the service";
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ForwarderFailures));
            LogUnavailable(logger, context.Request.Method, context.Request.Path, appId, failure.Error, failure.Exception?.Message);
            var options = context.RequestServices.GetRequiredService<IOptions<ResilienceOptions>>().Value;
            await UnavailableProblem.WriteAsync(context, appId, options.RetryAfter);
        });
        return proxy;
    }

    /// <summary>Failures on the way to the service; the client's own (cancelled, bad body) keep YARP's answer.</summary>
    private static bool MeansUnavailable(ForwarderError error) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations
            or ForwarderError.RequestBodyDestination or ForwarderError.ResponseHeaders;

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path}: {AppId} unavailable ({Error}: {Reason})")]
    private static partial void LogUnavailable(ILogger logger, string method, string path, string appId, ForwarderError error, string? reason);
}
