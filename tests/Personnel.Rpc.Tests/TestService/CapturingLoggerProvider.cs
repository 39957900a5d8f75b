using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Personnel.Rpc.Tests.TestService;

/// <summary>Keeps every log entry at or above a level, so tests can assert the server logged no errors.</summary>
public sealed class CapturingLoggerProvider(LogLevel minimum) : ILoggerProvider
{
    private readonly LogLevel _minimum = minimum;

    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= provider._minimum;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Entries.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
            }
        }
    }
}
