using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OneTimeBot.Host.Tests.Telemetry;

/// <summary>
/// Everything a host exported, caught by in-memory exporters added after the host's own pipeline (so after its
/// redaction, as a real exporter would be), and every name, tag and value in it as lines of text to scan.
/// </summary>
internal sealed class ExportedTelemetry
{
    public List<Activity> Spans { get; } = [];

    public List<MetricSnapshot> Metrics { get; } = [];

    /// <summary>Log records are pooled and reused by the SDK: each is written down as text when it is exported.</summary>
    public List<string> LogLines { get; } = [];

    public void AddExporters(IServiceCollection services)
    {
        services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(Spans));
        services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(Metrics));
        services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new LogTextExporter(LogLines))));
    }

    public static void Flush(IServiceProvider services)
    {
        services.GetRequiredService<TracerProvider>().ForceFlush();
        services.GetRequiredService<MeterProvider>().ForceFlush();
        services.GetRequiredService<LoggerProvider>().ForceFlush();
    }

    public IEnumerable<string> Lines()
    {
        lock (Spans)
        {
            foreach (var span in Spans)
            {
                yield return "span " + span.DisplayName + " " + span.OperationName + " " + span.StatusDescription;
                foreach (var (key, value) in span.TagObjects)
                {
                    yield return $"span tag {key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
                }

                foreach (var e in span.Events)
                {
                    yield return "span event " + e.Name + " " + string.Join(' ', e.Tags.Select(t => t.Key + "=" + Convert.ToString(t.Value, CultureInfo.InvariantCulture)));
                }

                foreach (var (key, value) in span.Baggage)
                {
                    yield return $"span baggage {key}={value}";
                }
            }
        }

        foreach (var metric in Metrics.ToArray())
        {
            yield return $"metric {metric.Name} {metric.Unit} {metric.Description}";
            foreach (var point in metric.MetricPoints)
            {
                foreach (var (key, value) in point.Tags)
                {
                    yield return $"metric tag {metric.Name} {key}={Convert.ToString(value, CultureInfo.InvariantCulture)}";
                }
            }
        }

        lock (LogLines)
        {
            foreach (var line in LogLines)
            {
                yield return "log " + line;
            }
        }
    }

    private sealed class LogTextExporter(List<string> lines) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                var text = new StringBuilder()
                    .Append("trace=").Append(record.TraceId.ToHexString()).Append(' ')
                    .Append(record.CategoryName).Append(' ').Append(record.FormattedMessage).Append(' ').Append(record.Body)
                    .Append(' ').Append(record.Exception?.ToString());
                foreach (var (key, value) in record.Attributes ?? [])
                {
                    text.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                }

                record.ForEachScope((scope, builder) =>
                {
                    foreach (var (key, value) in scope)
                    {
                        builder.Append(' ').Append(key).Append('=').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                    }
                }, text);
                lock (lines)
                {
                    lines.Add(text.ToString());
                }
            }

            return ExportResult.Success;
        }
    }
}
