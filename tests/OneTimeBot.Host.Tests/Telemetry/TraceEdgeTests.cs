using System.Diagnostics;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Telemetry;

/// <summary>
/// A request from the internet cannot choose the trace it joins, nor have baggage carried on: a command arriving with
/// someone's <c>traceparent</c> and <c>baggage</c> starts a trace of its own, and the call to the workspace's backend
/// carries that trace and no baggage.
/// </summary>
public sealed class TraceEdgeTests
{
    private const string TheirTraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    private const string TheirTraceParent = "00-" + TheirTraceId + "-00f067aa0ba902b7-01";
    private const string TheirBaggage = "tenant=Te1-someone-elses-tenant-7c2d,note=Te1-carried-along-5e8a";

    [Fact]
    public async Task A_command_sent_with_someone_elses_traceparent_and_baggage_starts_its_own_trace_and_passes_no_baggage_to_the_backend()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var exported = new ExportedTelemetry();
        await using var app = await SlackApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["OneTimeSecret:Backend"] = backend.BaseUri.ToString(),
                ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{FreePort.Next()}",
            },
            services: exported.AddExporters);
        app.Http.DefaultRequestHeaders.Add("traceparent", TheirTraceParent);
        app.Http.DefaultRequestHeaders.Add("baggage", TheirBaggage);

        var reply = await app.AnswerAsync("share Te1-edge-trace-secret-9b4f");
        await app.Host.Services.FollowUpsFinishedAsync();
        ExportedTelemetry.Flush(app.Host.Services);

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        var share = Assert.Single(backend.Requests, r => r.Path == "/api/v1/share");
        Assert.DoesNotContain("baggage", share.Headers.Keys, StringComparer.OrdinalIgnoreCase);
        var carried = Assert.Contains("traceparent", share.Headers);
        Assert.DoesNotContain(TheirTraceId, carried, StringComparison.Ordinal);

        List<Activity> spans;
        lock (exported.Spans)
        {
            spans = [.. exported.Spans];
        }

        // Other tests' hosts in this process are traced by the same sources: this command's trace is the one its backend call is in.
        var backendCall = Assert.Single(spans, s => s.Kind == ActivityKind.Client && s.GetTagItem("server.port") is int port && port == backend.BaseUri.Port);
        var command = Assert.Single(spans, s => s.Kind == ActivityKind.Server && s.TraceId == backendCall.TraceId && s.GetTagItem("url.path") is "/slack/commands");
        Assert.Equal(default, command.ParentSpanId);
        Assert.DoesNotContain(spans, s => s.TraceId.ToHexString() == TheirTraceId);
        Assert.DoesNotContain(exported.Lines(), line => line.Contains("Te1-", StringComparison.Ordinal));
    }
}
