using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Telemetry;

/// <summary>
/// Debian's Prometheus, started with its own configuration on loopback ports, scrapes the host's metrics port every
/// second; after some Slack commands its HTTP API answers the series an operator would chart: commands by kind and
/// outcome, and the acknowledgement latency histogram. It runs alone: a meter listener hears every meter of its name in
/// the process, so another test's host sending commands at the same time would be counted too.
/// </summary>
[Collection(AloneInTheProcess.Name)]
public sealed class RealPrometheusTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Prometheus_scraping_the_metrics_port_sees_every_command_and_its_ack_latency_buckets()
    {
        var metricsPort = FreePort.Next();
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["Telemetry:Prometheus:Enabled"] = "true",
            ["Telemetry:Prometheus:Port"] = metricsPort.ToString(CultureInfo.InvariantCulture),
        });
        var folder = Directory.CreateTempSubdirectory("onetimebot-prometheus-").FullName;
        var webPort = FreePort.Next();
        await File.WriteAllTextAsync(Path.Combine(folder, "prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: onetimebot
                scrape_interval: 1s
                static_configs:
                  - targets: ['127.0.0.1:{metricsPort}']
            """);
        var info = new ProcessStartInfo("prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("--config.file=" + Path.Combine(folder, "prometheus.yml"));
        info.ArgumentList.Add("--storage.tsdb.path=" + Path.Combine(folder, "data"));
        info.ArgumentList.Add($"--web.listen-address=127.0.0.1:{webPort}");
        using var prometheus = Process.Start(info)!;
        prometheus.OutputDataReceived += (_, _) => { };
        prometheus.ErrorDataReceived += (_, _) => { };
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await app.AnswerAsync("help");
            }

            using var api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/") };
            var commands = await WaitForValueAsync(api, """sum(onetimebot_requests_total{platform="slack",kind="command",outcome="ok"})""", 3);
            var acked = await WaitForValueAsync(api, """sum(onetimebot_ack_duration_seconds_bucket{platform="slack",kind="command",late="false",le="+Inf"})""", 3);
            var buckets = await WaitForValueAsync(api, """count(onetimebot_ack_duration_seconds_bucket{kind="command",late="false"})""", 12);

            Assert.Equal(3, commands);
            Assert.Equal(3, acked);
            Assert.Equal(12, buckets);
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            await prometheus.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Polls an instant query until it answers <paramref name="expected"/>, or returns what it last answered.</summary>
    private static async Task<double?> WaitForValueAsync(HttpClient api, string query, double expected)
    {
        double? last = null;
        var until = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < until)
        {
            try
            {
                using var response = await api.GetAsync(new Uri("api/v1/query?query=" + Uri.EscapeDataString(query), UriKind.Relative));
                if (!response.IsSuccessStatusCode)
                {
                    // Listening, but not ready yet: it answers "Service Unavailable" in plain text until it is.
                    await Task.Delay(TimeSpan.FromMilliseconds(500));
                    continue;
                }

                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var result = answer.RootElement.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() > 0)
                {
                    last = double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
                    if (last == expected)
                    {
                        return last;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        return last;
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "Alone in the process";
}
