using Microsoft.Extensions.Logging;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// The logger factory's own scope provider (which adds trace and span ids per <see cref="LoggerFactoryOptions.ActivityTrackingOptions"/>),
/// with every scope redacted as a provider reads it: that covers scopes pushed by anyone and the activity's tags and baggage.
/// </summary>
internal sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
{
    public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
        inner.ForEachScope(static (scope, pass) => pass.callback(RedactedValues.Scope(scope), pass.state), (callback, state));

    public IDisposable Push(object? state) => inner.Push(state);
}
