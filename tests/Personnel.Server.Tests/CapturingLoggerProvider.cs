using Microsoft.Extensions.Logging;

namespace Personnel.Server.Tests;

/// <summary>Hands every log line the server writes (after its configured filters) to <paramref name="write"/>: category,
/// level and the formatted text.</summary>
internal sealed class CapturingLoggerProvider(Action<string, LogLevel, string> write) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, write);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, Action<string, LogLevel, string> write) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            write(category, logLevel, formatter(state, exception));
    }
}
