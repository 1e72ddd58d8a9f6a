using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;
using OneTimeBot.Core.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace OneTimeBot.Host.Telemetry;

/// <summary>
/// OpenTelemetry for the host: the bot's own meter and activity source, the standard ASP.NET Core, HttpClient and runtime
/// instrumentation, every span redacted by <see cref="KeyRedactingProcessor"/> before export, and the exporters the
/// <c>Telemetry</c> settings turn on (OTLP for traces, metrics and logs; a Prometheus scraping endpoint on its own port).
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddBotTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        // Requests start their own traces, and calls out carry no baggage: see NewTraceAtTheEdge. ASP.NET Core reads the
        // incoming headers with the propagator in the container, HttpClient writes outgoing ones with the process-wide one,
        // and OpenTelemetry's instrumentation reads and writes baggage itself unless its propagator is trace context alone.
        services.RemoveAll<DistributedContextPropagator>();
        services.AddSingleton<DistributedContextPropagator>(NewTraceAtTheEdge.Instance);
        DistributedContextPropagator.Current = NewTraceAtTheEdge.Instance;
        Sdk.SetDefaultTextMapPropagator(new TraceContextPropagator());

        // Each log line carries the trace and span it was written in (the JSON console shows them as scopes).
        services.Configure<LoggerFactoryOptions>(o => o.ActivityTrackingOptions |= ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);

        var settings = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otlp = settings.OtlpEndpoint;
        var metricsPort = settings.MetricsPort;
        if (otlp is null && metricsPort is null)
        {
            // Off until configured, as documented: spans and measurements nobody exports would still cost every request
            // their tags, timings and the redaction pass. Log lines keep their TraceId and SpanId from ASP.NET Core's
            // own request activity, which it starts whenever logging is on.
            return services;
        }

        // Only here, past the return above: with no exporter, timing and tagging every backend call would be work for nothing.
        // A new handler for each pipeline the factory builds: one DelegatingHandler instance cannot sit in two.
        services.AddHttpClient(OneTimeSecret.Client.OneTimeSecretServiceCollectionExtensions.HttpClientName)
            .AddHttpMessageHandler(sp => new BackendCallMetricsHandler(sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<TimeProvider>(), chosenByWorkspaces: false));
        services.AddHttpClient(OneTimeSecret.Client.OneTimeSecretServiceCollectionExtensions.PublicOnlyHttpClientName)
            .AddHttpMessageHandler(sp => new BackendCallMetricsHandler(sp.GetRequiredService<BotMetrics>(), sp.GetRequiredService<TimeProvider>(), chosenByWorkspaces: true));

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(BotTelemetry.Name));
        if (otlp is not null)
        {
            // Traces leave only through OTLP; Prometheus scrapes metrics alone.
            telemetry.WithTracing(tracing => tracing
                .AddSource(BotTelemetry.Name)
                // This host's own requests, not its scrapes: ASP.NET Core's activity source is process-wide, and
                // another web application in the process (a test's stand-in for Slack) is not the bot.
                .AddAspNetCoreInstrumentation(o => o.Filter = http =>
                    (metricsPort is null || http.Connection.LocalPort != metricsPort) && http.RequestServices.GetService<BotMetrics>() is not null)
                .AddHttpClientInstrumentation()
                // Before every exporter: processors see a span in the order they were added.
                .AddProcessor(new KeyRedactingProcessor())
                .AddOtlpExporter(o => Point(o, otlp, "v1/traces")));
        }

        telemetry.WithMetrics(metrics =>
        {
            metrics.AddMeter(BotTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // The standard client and DNS metrics without the server's name and port: a workspace admin can point their
                // workspace at any server, and each name would be a new series (BotMetrics tags backends boundedly).
                .AddView(instrument => instrument.Name.StartsWith("http.client.", StringComparison.Ordinal)
                    ? new MetricStreamConfiguration { TagKeys = ClientMetricTags }
                    : instrument.Name == "dns.lookup.duration" ? new MetricStreamConfiguration { TagKeys = ["error.type"] } : null);
            if (otlp is not null)
            {
                metrics.AddOtlpExporter(o => Point(o, otlp, "v1/metrics"));
            }

            if (metricsPort is not null)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (otlp is not null)
        {
            // Exported log records pass through the same key-redacting logger factory as the console's.
            telemetry.WithLogging(logging => logging.AddOtlpExporter(o => Point(o, otlp, "v1/logs")), o => o.IncludeScopes = true);
        }

        return services;
    }

    /// <summary>
    /// Serves <c>/metrics</c> on the metrics port alone, and nothing else there. Call first, before the public routes.
    /// </summary>
    public static WebApplication MapBotTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.MetricsPort is not { } port)
        {
            return app;
        }

        app.Use(next => http =>
        {
            // The port the connection came in on, not the Host header, which the caller writes: RequireHost alone would
            // serve the scrape on the public port to anyone naming the metrics port in Host.
            var onMetricsPort = http.Connection.LocalPort == port;
            var forMetrics = http.Request.Path.Equals("/metrics", StringComparison.OrdinalIgnoreCase);
            if (onMetricsPort != forMetrics)
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(http);
        });
        app.MapPrometheusScrapingEndpoint().RequireHost("*:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return app;
    }

    private static readonly string[] ClientMetricTags =
        ["http.request.method", "http.response.status_code", "network.protocol.name", "network.protocol.version", "url.scheme", "error.type"];

    /// <summary>OTLP over HTTP (a collector's port 4318): each signal has its own path under the endpoint.</summary>
    private static void Point(OtlpExporterOptions options, Uri endpoint, string signalPath)
    {
        options.Protocol = OtlpExportProtocol.HttpProtobuf;
        options.Endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
