using System.Diagnostics;

namespace Ecommerce.DaprLocal.Runtime;

/// <summary>
/// W3C trace context as daprd propagates it: each hop is a child span of the incoming
/// <c>traceparent</c> (same trace id, new span id), or the start of a new trace.
/// </summary>
public static class TraceParent
{
    public static string ChildOf(string? incoming)
    {
        if (incoming is not null && ActivityContext.TryParse(incoming, null, out var parent))
        {
            return Format(parent.TraceId, ActivitySpanId.CreateRandom(), parent.TraceFlags);
        }
        return Format(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
    }

    private static string Format(ActivityTraceId traceId, ActivitySpanId spanId, ActivityTraceFlags flags) =>
        $"00-{traceId.ToHexString()}-{spanId.ToHexString()}-{(flags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
