using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Testing;

/// <summary>
/// Keeps every log line a test produces: the rendered message, every structured value, every scope (and the values a
/// scope carries) and any exception's full text, so a test can prove a secret appears in none of them. Each line also
/// goes to a leak ledger: the run's, unless one is given.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private readonly LedgerFolder? _ledger;
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public CapturingLoggerProvider()
        : this(TestRunLedger.Current)
    {
    }

    public CapturingLoggerProvider(LedgerFolder? ledger) => _ledger = ledger;

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    /// <summary>Everything any log line carried, as one text to search.</summary>
    public string AllText => string.Join('\n', _entries.Select(e => e.FullText));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<string>();
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                values.AddRange(pairs.Select(p => $"{p.Key}={p.Value}"));
            }

            owner._scopes.ForEachScope((scope, list) =>
            {
                list.Add("scope:" + scope);
                // A scope of named values (as ASP.NET Core's hosting scope is) may print as its type name; a JSON
                // console logger writes each value.
                if (scope is IEnumerable<KeyValuePair<string, object?>> named)
                {
                    list.AddRange(named.Select(p => $"{p.Key}={p.Value}"));
                }
            }, values);
            var entry = new CapturedLog(logLevel, category, eventId, formatter(state, exception), values, exception?.ToString());
            owner._entries.Enqueue(entry);
            owner._ledger?.LogLine($"logger/{logLevel}/{category}", $"{entry.Message} {string.Join(' ', values)} {entry.Exception}");
        }
    }
}

public sealed record CapturedLog(LogLevel Level, string Category, EventId EventId, string Message, IReadOnlyList<string> Values, string? Exception)
{
    public string FullText => $"{Level} {Category} {Message} {string.Join(' ', Values)} {Exception}";
}
