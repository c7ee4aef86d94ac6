using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Ecommerce.Notification.Tests.Fakes;

/// <summary>Every Serilog event the service writes (ServiceDefaults reads sinks from the container), rendered with its properties.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        var properties = string.Join(" ", logEvent.Properties.Select(pair => $"{pair.Key}={pair.Value}"));
        Lines.Enqueue($"{logEvent.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}");
    }

    public string All => string.Join("\n", Lines);
}
