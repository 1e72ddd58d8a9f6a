using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Telemetry;

namespace OneTimeBot.Core.Tests.Telemetry;

/// <summary>The backend host on a metric is the operator's, or a public region; a server a workspace typed is only "custom".</summary>
public sealed class BackendHostTagTests
{
    [Theory]
    [InlineData(false, "https://ots.internal.example/api/v1/share", "ots.internal.example")]
    [InlineData(true, "https://eu.onetimesecret.com/api/v1/share", "eu.onetimesecret.com")]
    [InlineData(true, "https://secrets.their-company.example/api/v1/share", "custom")]
    [InlineData(true, "https://a1.attacker.example/api/v1/secret/Zk3-key", "custom")]
    public async Task A_backend_call_is_counted_under_a_host_tag_an_operator_can_bound(bool chosenByWorkspaces, string url, string expectedHost)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new BotMetrics(services.GetRequiredService<IMeterFactory>());
        var hosts = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "onetimebot.backend.calls")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "backend.host")
                {
                    hosts.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        using var handler = new BackendCallMetricsHandler(metrics, TimeProvider.System, chosenByWorkspaces) { InnerHandler = new Answering() };
        using var invoker = new HttpMessageInvoker(handler);

        using var response = await invoker.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(url)), CancellationToken.None);

        Assert.Equal([expectedHost], hosts);
    }

    private sealed class Answering : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
    }
}
