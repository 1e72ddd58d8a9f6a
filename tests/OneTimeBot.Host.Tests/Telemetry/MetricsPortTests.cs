using System.Net;
using System.Text;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Telemetry;

/// <summary><c>/metrics</c> is served on <c>Telemetry:Prometheus:Port</c> alone, and nothing else is served there.</summary>
public sealed class MetricsPortTests
{
    [Fact]
    public async Task Metrics_are_scraped_on_their_own_port_never_on_the_public_one_and_the_bot_is_not_served_on_the_metrics_port()
    {
        var metricsPort = FreePort.Next();
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:Port"] = metricsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.AnswerAsync("help");
        using var scraper = new HttpClient();

        using var onPublic = await scraper.GetAsync(new Uri($"http://127.0.0.1:{app.Host.Port}/metrics"));
        using var onMetrics = await scraper.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        // A Host header naming the metrics port is the caller's to write: it must not open /metrics on the public port.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{app.Host.Port}/metrics"));
        spoofed.Headers.Host = $"127.0.0.1:{metricsPort}";
        using var onPublicWithMetricsHost = await scraper.SendAsync(spoofed);
        using var botOnMetrics = await scraper.PostAsync(new Uri($"http://127.0.0.1:{metricsPort}/slack/commands"), new StringContent("", Encoding.UTF8, "application/x-www-form-urlencoded"));
        using var healthOnMetrics = await scraper.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/healthz"));
        var scraped = await onMetrics.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, onPublic.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, onPublicWithMetricsHost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, onMetrics.StatusCode);
        Assert.Contains("onetimebot_requests_total{", scraped, StringComparison.Ordinal);
        Assert.Contains("kind=\"command\"", scraped, StringComparison.Ordinal);
        Assert.Contains("onetimebot_ack_duration_seconds_bucket{", scraped, StringComparison.Ordinal);
        // The standard client metrics are there, without the server's name: a workspace may point at any server.
        Assert.Contains("http_client_request_duration_seconds_bucket{", scraped, StringComparison.Ordinal);
        Assert.DoesNotContain(scraped.Split('\n'), line => (line.StartsWith("http_client_", StringComparison.Ordinal) && line.Contains("server_address", StringComparison.Ordinal)) ||
                                                         (line.StartsWith("dns_lookup_", StringComparison.Ordinal) && line.Contains("dns_question_name", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.NotFound, botOnMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, healthOnMetrics.StatusCode);
    }
}
