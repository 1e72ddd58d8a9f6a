using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Telemetry;
using OneTimeBot.Host.Hosting;
using OneTimeBot.Host.Telemetry;
using OneTimeBot.Testing;
using OneTimeSecret.Client;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace OneTimeBot.Host.Tests.Telemetry;

public sealed class TelemetrySettingsTests
{
    [Theory]
    [InlineData("Telemetry:Otlp:Endpoint", "collector:4318", "Telemetry:Otlp:Endpoint must be an absolute http:// or https:// URL")]
    [InlineData("Telemetry:Otlp:Endpoint", "ftp://collector:4318", "Telemetry:Otlp:Endpoint must be an absolute http:// or https:// URL")]
    [InlineData("Telemetry:Prometheus:Port", "0", "Telemetry:Prometheus:Port must be a port number from 1 to 65535")]
    [InlineData("Telemetry:Prometheus:Port", "70000", "Telemetry:Prometheus:Port must be a port number from 1 to 65535")]
    public void A_wrong_telemetry_setting_fails_start_up_validation_naming_the_key(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            [key] = value,
        }).Build();
        using var services = ValidationServices.Build(configuration);

        var error = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(ConfigurationErrors.From(error)!, f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("http://collector:4318", null, true, true)]
    [InlineData(null, "true", false, true)]
    public void Telemetry_records_only_what_a_configured_exporter_takes(string? otlp, string? prometheus, bool traces, bool metrics)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = otlp,
            ["Telemetry:Prometheus:Enabled"] = prometheus,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBotTelemetry(configuration);
        using var provider = services.BuildServiceProvider();

        // Spans and measurements nobody exports would cost every request their tags and timings for nothing.
        Assert.Equal(traces, provider.GetService<TracerProvider>() is not null);
        Assert.Equal(metrics, provider.GetService<MeterProvider>() is not null);
    }

    [Theory]
    [InlineData(null, null, 0)]
    [InlineData("http://collector:4318", null, 1)]
    [InlineData(null, "true", 1)]
    public async Task A_backend_call_is_measured_only_when_metrics_are_exported(string? otlp, string? prometheus, int measured)
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("GET", "/api/v1/status", FakeResponse.Json("""{"status":"nominal","locale":"en"}"""));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telemetry:Otlp:Endpoint"] = otlp,
            ["Telemetry:Prometheus:Enabled"] = prometheus,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton(TimeProvider.System).AddSingleton<BotMetrics>();
        services.AddOneTimeSecretClient();
        services.AddBotTelemetry(configuration);
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<IMeterFactory>();
        var calls = 0;
        using var listener = new MeterListener
        {
            // This provider's instruments only: other tests' hosts in the process have their own.
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "onetimebot.backend.calls")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref calls, (int)value));
        listener.Start();

        var status = await provider.GetRequiredService<IOneTimeSecretClient>().GetStatusAsync(new OneTimeSecretConnection(backend.BaseUri));

        Assert.True(status.IsSuccess);
        Assert.Equal(measured, calls);
    }
}
