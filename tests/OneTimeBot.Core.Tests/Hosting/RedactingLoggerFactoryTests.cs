using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Hosting.Redaction;
using OneTimeBot.Testing;

namespace OneTimeBot.Core.Tests.Hosting;

public sealed partial class RedactingLoggerFactoryTests
{
    private const string Key = "zq81mmw0c5a7plk2vn4xj6rt9e3bydhf";
    private const string Path = "/secret/" + Key;

    [Fact]
    public void Message_structured_values_scope_and_exception_reach_a_provider_without_the_key()
    {
        var captured = new CapturingLoggerProvider();
        using var services = Services(b => b.AddProvider(captured));
        var logger = services.GetRequiredService<ILogger<RedactingLoggerFactoryTests>>();

        using (logger.BeginScope("RequestPath:{RequestPath}", Path))
        using (logger.BeginScope("plain scope naming https://bot.example.com" + Path))
        {
            LogFailed(logger, Path, new Uri("https://bot.example.com/receipt/" + Key + "/burn"), new InvalidOperationException("could not open " + Path));
        }

        var entry = Assert.Single(captured.Entries);
        Assert.DoesNotContain(Key, entry.FullText, StringComparison.Ordinal);
        Assert.Equal("Handling /secret/[redacted] for https://bot.example.com/receipt/[redacted]/burn failed", entry.Message);
        Assert.Contains("Path=/secret/[redacted]", entry.Values);
        Assert.Contains("Link=https://bot.example.com/receipt/[redacted]/burn", entry.Values);
        Assert.Contains("scope:RequestPath:/secret/[redacted]", entry.Values);
        Assert.Contains("scope:plain scope naming https://bot.example.com/secret/[redacted]", entry.Values);
        Assert.StartsWith("System.InvalidOperationException: could not open /secret/[redacted]", entry.Exception, StringComparison.Ordinal);
    }

    [Fact]
    public void A_provider_added_to_the_factory_later_gets_redacted_lines_too()
    {
        using var services = Services(_ => { });
        var later = new CapturingLoggerProvider();
        services.GetRequiredService<ILoggerFactory>().AddProvider(later);

        services.GetRequiredService<ILoggerFactory>().CreateLogger("late").LogWarning("Visited {Path}", Path);

        Assert.Equal("Visited /secret/[redacted]", Assert.Single(later.Entries).Message);
    }

    [Fact]
    public void A_list_of_paths_is_redacted_in_the_message_and_in_the_value()
    {
        var captured = new CapturingLoggerProvider();
        using var services = Services(b => b.AddProvider(captured));

        services.GetRequiredService<ILoggerFactory>().CreateLogger("list").LogInformation("Visited {Paths}", (object)new[] { "/healthz", Path });

        var entry = Assert.Single(captured.Entries);
        Assert.Equal("Visited /healthz, /secret/[redacted]", entry.Message);
        Assert.Contains("Paths=/healthz, /secret/[redacted]", entry.Values);
    }

    [Fact]
    public void A_provider_that_keeps_its_own_scopes_gets_them_redacted()
    {
        var own = new OwnScopesProvider();
        using var services = Services(b => b.AddProvider(own));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("own");

        using (logger.BeginScope("RequestPath:{RequestPath}", Path))
        {
            logger.LogInformation("inside");
        }

        Assert.Equal(["RequestPath:/secret/[redacted]"], own.Scopes);
    }

    [Fact]
    public void The_json_console_formatter_still_writes_structured_state_and_scopes_redacted()
    {
        var json = new JsonFormatterProvider();
        using var services = Services(b => b.AddJsonConsole(o => o.IncludeScopes = true).AddProvider(json));
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("json");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = Path }))
        {
            logger.LogError(new InvalidOperationException("boom at " + Path), "Failed {Method} {Path}", "POST", Path);
        }

        var line = json.Text(services);
        Assert.DoesNotContain(Key, line, StringComparison.Ordinal);
        Assert.Contains("\"Message\":\"Failed POST /secret/[redacted]\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Path\":\"/secret/[redacted]\"", line, StringComparison.Ordinal);
        Assert.Contains("\"Method\":\"POST\"", line, StringComparison.Ordinal);
        Assert.Contains("\"RequestPath\":\"/secret/[redacted]\"", line, StringComparison.Ordinal);
        Assert.Contains("boom at /secret/[redacted]", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Trace_and_span_ids_still_reach_scopes_and_an_activitys_tags_are_redacted()
    {
        var captured = new CapturingLoggerProvider();
        using var services = Services(b => b.AddProvider(captured).Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.Tags));
        using var listener = new ActivityListener { ShouldListenTo = _ => true, Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded };
        ActivitySource.AddActivityListener(listener);
        using var source = new ActivitySource("redaction-test");
        using var activity = source.StartActivity("request")!;
        activity.SetTag("url.path", Path);

        services.GetRequiredService<ILoggerFactory>().CreateLogger("traced").LogInformation("traced line");

        var entry = Assert.Single(captured.Entries);
        Assert.Contains(entry.Values, v => v.Contains("TraceId:" + activity.TraceId, StringComparison.Ordinal) && v.Contains("SpanId:" + activity.SpanId, StringComparison.Ordinal));
        Assert.Contains("scope:url.path:/secret/[redacted]", entry.Values);
        Assert.DoesNotContain(Key, entry.FullText, StringComparison.Ordinal);
    }

    [Fact]
    public void Filter_rules_for_one_provider_type_still_apply()
    {
        var captured = new CapturingLoggerProvider();
        using var services = Services(b => b.AddProvider(captured).SetMinimumLevel(LogLevel.Trace).AddFilter<CapturingLoggerProvider>("quiet", LogLevel.Warning));

        var factory = services.GetRequiredService<ILoggerFactory>();
        factory.CreateLogger("quiet").LogInformation("dropped");
        factory.CreateLogger("loud").LogDebug("kept");

        Assert.Equal(["kept"], captured.Entries.Select(e => e.Message));
    }

    private static ServiceProvider Services(Action<ILoggingBuilder> logging)
    {
        var services = new ServiceCollection().AddLogging(b => logging(b.ClearProviders().SetMinimumLevel(LogLevel.Trace)));
        return services.AddKeyRedactingLogging().BuildServiceProvider();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {Path} for {Link} failed")]
    private static partial void LogFailed(ILogger logger, string path, Uri link, Exception exception);

    /// <summary>A provider that does not take the factory's scope provider and records the scopes it is given.</summary>
    private sealed class OwnScopesProvider : ILoggerProvider
    {
        public List<string> Scopes { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(OwnScopesProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull
            {
                owner.Scopes.Add(state.ToString()!);
                return null;
            }

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
            }
        }
    }

    /// <summary>Writes each line with the host's JSON console formatter, as the console provider would, into memory.</summary>
    private sealed class JsonFormatterProvider : ILoggerProvider, ISupportExternalScope
    {
        private readonly List<Action<ConsoleFormatter, IExternalScopeProvider, TextWriter>> _lines = [];
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public string Text(IServiceProvider services)
        {
            var formatter = services.GetRequiredService<IEnumerable<ConsoleFormatter>>().Single(f => f.Name == ConsoleFormatterNames.Json);
            var writer = new StringWriter(new StringBuilder());
            foreach (var line in _lines)
            {
                line(formatter, _scopes, writer);
            }

            return writer.ToString();
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Logger(JsonFormatterProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // Scopes are read when the line is written, as the console does on its own thread: capture them now.
                var scopes = new LoggerExternalScopeProvider();
                var pushed = new List<IDisposable>();
                owner._scopes.ForEachScope((scope, list) => list.Add(scopes.Push(scope)), pushed);
                owner._lines.Add((f, _, w) => f.Write(new LogEntry<TState>(logLevel, category, eventId, state, exception, formatter), scopes, w));
            }
        }
    }
}
