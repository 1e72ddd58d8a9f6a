using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Telemetry;

/// <summary>Refuses to start with an OTLP endpoint that is not an http(s) URL, or a metrics port that cannot be one.</summary>
public sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Otlp.Endpoint) && options.OtlpEndpoint is null)
        {
            failures.Add("Telemetry:Otlp:Endpoint must be an absolute http:// or https:// URL (OTLP over HTTP, e.g. http://collector:4318), or empty to turn OTLP export off.");
        }

        if (options.Prometheus.Enabled && options.MetricsPort is null)
        {
            failures.Add("Telemetry:Prometheus:Port must be a port number from 1 to 65535 when Telemetry:Prometheus:Enabled is true.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
