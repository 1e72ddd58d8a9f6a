namespace OneTimeBot.Host.Telemetry;

/// <summary>Where the bot's traces, metrics and logs go. Everything is off unless configured.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    public OtlpSettings Otlp { get; set; } = new();

    public PrometheusSettings Prometheus { get; set; } = new();

    /// <summary>The OTLP endpoint as a URI, or null when OTLP export is off.</summary>
    public Uri? OtlpEndpoint =>
        !string.IsNullOrWhiteSpace(Otlp.Endpoint) && Uri.TryCreate(Otlp.Endpoint, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    /// <summary>The port <c>/metrics</c> is served on, or null when Prometheus scraping is off.</summary>
    public int? MetricsPort => Prometheus.Enabled && Prometheus.Port is > 0 and <= 65535 ? Prometheus.Port : null;
}

public sealed class OtlpSettings
{
    /// <summary>An OpenTelemetry collector's OTLP/HTTP address (e.g. http://collector:4318; sent as HTTP/protobuf); empty turns OTLP export off.</summary>
    public string? Endpoint { get; set; }
}

public sealed class PrometheusSettings
{
    public bool Enabled { get; set; }

    /// <summary>The port <c>/metrics</c> is served on: its own, never the public one.</summary>
    public int Port { get; set; } = 9464;
}
