using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OneTimeBot.Slack.Tests.SocketMode;

/// <summary>The real host in Socket Mode against the fake Slack's WebSocket server, with reconnection waits shortened for tests.</summary>
internal static class SocketModeApp
{
    public const string AppToken = "xapp-1-A0ONETIME-4242-d1f0c9b8a7e6d5c4b3a2f1e0socketapptoken";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Slack:AppToken"] = AppToken,
            ["Slack:SocketMode:ReconnectDelay"] = "00:00:00.050",
            ["Slack:SocketMode:MaxReconnectDelay"] = "00:00:00.400",
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the app in Socket Mode and waits until Slack said hello on both of its connections.</summary>
    public static async Task<SlackApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, FakeTimeProvider? clock = null)
    {
        var app = clock is null
            ? await SlackApp.StartAsync(Settings(settings))
            : await SlackApp.StartAsync(Settings(settings), services: services => services.AddSingleton<TimeProvider>(clock));
        await app.Slack.SocketMode.WaitForOpenAsync(2, Patience);
        return app;
    }

    /// <summary>The response payload acked for an envelope.</summary>
    public static async Task<JsonObject> AckedPayloadAsync(SlackApp app, string envelopeId) =>
        (await app.Slack.SocketMode.WaitForAckAsync(envelopeId, Patience)).Payload ?? throw new Xunit.Sdk.XunitException("The ack carried no payload.");

    /// <summary>Proves the app token and every Socket Mode URL's ticket stayed out of the logs.</summary>
    public static void AssertNoCredentialLogged(SlackApp app)
    {
        var logs = app.Host.Logs.AllText;
        Assert.DoesNotContain(AppToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain("xapp-", logs, StringComparison.Ordinal);
        Assert.NotEmpty(app.Slack.SocketMode.Tickets);
        foreach (var ticket in app.Slack.SocketMode.Tickets)
        {
            Assert.DoesNotContain(ticket, logs, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("/link/", logs, StringComparison.Ordinal);
    }

    public static IEnumerable<string> BlockTypes(JsonObject reply) =>
        reply["blocks"]!.AsArray().OfType<JsonObject>().Select(b => b["type"]!.GetValue<string>());
}
