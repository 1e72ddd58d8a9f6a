using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Hosting.Redaction;

/// <summary>
/// The host's <see cref="ILoggerFactory"/>: the framework's own, with every logger it hands out redacting link keys
/// before a line reaches any provider.
/// </summary>
/// <remarks>
/// Why here and not in each provider: ASP.NET Core itself logs request paths (the hosting scope's <c>RequestPath</c>,
/// "Request starting … /secret/KEY"), and operators and tests add providers of their own. Redacting in front of the
/// fan-out covers every provider, including ones added later through <see cref="AddProvider"/>, and keeps the
/// framework's per-provider filter rules (which match on the provider's type) working. Scopes that providers read
/// through the factory's scope provider, trace and span ids included, pass through <see cref="RedactingScopeProvider"/>.
/// </remarks>
public sealed class RedactingLoggerFactory : ILoggerFactory
{
    private readonly LoggerFactory _inner;

    public RedactingLoggerFactory(IEnumerable<ILoggerProvider> providers, IOptionsMonitor<LoggerFilterOptions> filters, IOptions<LoggerFactoryOptions> options)
    {
        _inner = new LoggerFactory(providers, filters, options, new RedactingScopeProvider(FrameworkScopes(filters, options)));
    }

    public ILogger CreateLogger(string categoryName) => new RedactingLogger(_inner.CreateLogger(categoryName));

    public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

    public void Dispose() => _inner.Dispose();

    /// <summary>
    /// The scope provider the framework's factory would have used, with its activity tracking (trace and span ids): the
    /// type is internal, so it is taken from a factory that hands it to a provider, as every factory does.
    /// </summary>
    private static IExternalScopeProvider FrameworkScopes(IOptionsMonitor<LoggerFilterOptions> filters, IOptions<LoggerFactoryOptions> options)
    {
        var probe = new ScopeProviderProbe();
        using (new LoggerFactory([probe], filters, options))
        {
            return probe.Scopes ?? new LoggerExternalScopeProvider();
        }
    }

    private sealed class ScopeProviderProbe : ILoggerProvider, ISupportExternalScope
    {
        public IExternalScopeProvider? Scopes { get; private set; }

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => Scopes = scopeProvider;

        public ILogger CreateLogger(string categoryName) => Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }
    }
}
