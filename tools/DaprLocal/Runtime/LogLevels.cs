namespace Ecommerce.DaprLocal.Runtime;

/// <summary>daprd's <c>--log-level</c> names mapped to .NET log levels.</summary>
public static class LogLevels
{
    public static LogLevel Parse(string level) => level?.ToLowerInvariant() switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "fatal" or "panic" => LogLevel.Critical,
        _ => throw new ArgumentException($"--log-level must be debug, info, warn, error or fatal, not '{level}'."),
    };
}
