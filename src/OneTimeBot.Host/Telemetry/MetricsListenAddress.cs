using Microsoft.AspNetCore.Hosting;

namespace OneTimeBot.Host.Telemetry;

/// <summary>
/// Adds the Prometheus port to the addresses the host listens on, beside the public ones, when scraping is on. Only
/// <c>/metrics</c> is served there (<see cref="TelemetryServiceCollectionExtensions.MapBotTelemetry"/>), and
/// <c>/metrics</c> is served nowhere else. It listens on every interface, for a Prometheus on another machine.
/// </summary>
public static class MetricsListenAddress
{
    public static void AddWhenEnabled(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.MetricsPort is not { } port)
        {
            return;
        }

        if (builder.Configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            // Endpoints from configuration and from code are both kept; --urls would be ignored beside them.
            builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
            return;
        }

        var urls = builder.WebHost.GetSetting(WebHostDefaults.ServerUrlsKey);
        if (string.IsNullOrWhiteSpace(urls))
        {
            urls = string.Join(';', (builder.Configuration[WebHostDefaults.HttpPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => "http://*:" + p.Trim())
                .Concat((builder.Configuration[WebHostDefaults.HttpsPortsKey] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => "https://*:" + p.Trim())));
        }

        builder.WebHost.UseUrls(string.Join(';', new[] { urls, "http://*:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(u => !string.IsNullOrWhiteSpace(u))));
    }
}
