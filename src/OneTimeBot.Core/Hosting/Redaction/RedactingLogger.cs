using Microsoft.Extensions.Logging;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// Sits in front of the logger that fans a line out to every provider: the line is formatted once, and its message,
/// structured values, exception and scope reach the providers with keys redacted.
/// </summary>
internal sealed class RedactingLogger(ILogger inner) : ILogger
{
    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    // Providers that keep scopes themselves get them redacted here; the others read them through RedactingScopeProvider.
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull =>
        inner.BeginScope(RedactedValues.Scope(state) ?? state);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel))
        {
            return;
        }

        var message = KeyedPathRedactor.Redact(formatter?.Invoke(state, exception) ?? state?.ToString() ?? "");
        IReadOnlyList<KeyValuePair<string, object?>> pairs = state switch
        {
            IReadOnlyList<KeyValuePair<string, object?>> list => RedactedValues.Pairs(list),
            IEnumerable<KeyValuePair<string, object?>> sequence => RedactedValues.Pairs(sequence.ToArray()),
            _ => [],
        };
        inner.Log(logLevel, eventId, new RedactedState(pairs, message), RedactedException.From(exception), RedactedState.Format);
    }
}
