namespace Ecommerce.DaprLocal.Cli;

/// <summary>
/// One line per log event, prefixed with whose it is (<c>== DAPR - catalog ==</c>), so that the
/// interleaved output of many sidecars and apps in one terminal stays readable.
/// </summary>
public sealed class PrefixedConsoleLoggerProvider(string prefix) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new PrefixedLogger(prefix);

    public void Dispose()
    {
    }

    private sealed class PrefixedLogger(string prefix) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var level = logLevel switch
            {
                LogLevel.Trace or LogLevel.Debug => "debug",
                LogLevel.Information => "info",
                LogLevel.Warning => "warn",
                _ => "error",
            };
            var line = $"{prefix} {level}: {formatter(state, exception)}";
            if (exception is not null)
            {
                line += $" ({exception.GetType().Name}: {exception.Message})";
            }
            Console.Out.WriteLine(line);
        }
    }
}
