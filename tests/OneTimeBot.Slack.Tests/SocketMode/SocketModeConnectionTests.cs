using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.SocketMode;
using OneTimeBot.Testing;
using static OneTimeBot.Slack.Tests.SocketMode.SocketModeApp;

namespace OneTimeBot.Slack.Tests.SocketMode;

/// <summary>
/// Staying connected: a refresh replaces a connection without a gap or a lost envelope, a dropped connection comes back,
/// <c>link_disabled</c> backs off to the longest wait, <c>/readyz</c> counts what is open (degraded, never unready), and neither the app token nor a URL's ticket is logged.
/// </summary>
public sealed class SocketModeConnectionTests
{
    [Fact]
    public async Task A_refresh_in_the_middle_of_a_stream_of_commands_opens_the_replacement_first_and_acks_every_envelope_exactly_once()
    {
        await using var app = await StartAsync();
        var socket = app.Slack.SocketMode;
        var old = (await socket.WaitForOpenAsync(2, Patience))[0];
        var sent = new List<string>();

        for (var i = 0; i < 12; i++)
        {
            sent.Add(await socket.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl()), on: i % 2 == 0 ? old : null));
        }

        // Slack asks while envelopes sent on the old connection may still be unanswered; the stream goes on meanwhile.
        await old.RequestDisconnectAsync("refresh_requested");
        for (var i = 0; i < 12; i++)
        {
            sent.Add(await socket.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl())));
        }

        await old.ClosedByApp.WaitAsync(Patience);
        await socket.WaitForOpenAsync(2, Patience);
        for (var i = 0; i < 12; i++)
        {
            sent.Add(await socket.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl())));
        }

        foreach (var envelope in sent)
        {
            await socket.WaitForAckAsync(envelope, Patience);
        }

        Assert.Equal(3, old.OpenWhenClosedByApp);
        Assert.All(sent, envelope => Assert.Single(socket.AcksOf(envelope)));
        Assert.All(socket.Acks, ack => Assert.NotEmpty(ack.Payload!["blocks"]!.AsArray()));
        Assert.Equal(sent.Count, socket.Acks.Count);
        Assert.Equal(3, socket.All.Count);
        Assert.DoesNotContain(old, socket.Open);
        AssertNoCredentialLogged(app);
    }

    [Theory]
    [InlineData("warning")]
    [InlineData("refresh_requested")]
    public async Task A_disconnect_request_of_either_kind_replaces_the_connection_before_the_old_one_closes(string reason)
    {
        await using var app = await StartAsync();
        var old = (await app.Slack.SocketMode.WaitForOpenAsync(2, Patience))[1];

        await old.RequestDisconnectAsync(reason);
        await old.ClosedByApp.WaitAsync(Patience);

        Assert.Equal(3, old.OpenWhenClosedByApp);
        var open = await app.Slack.SocketMode.WaitForOpenAsync(2, Patience);
        var envelope = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl()), on: open[^1]);
        Assert.NotNull((await app.Slack.SocketMode.WaitForAckAsync(envelope, Patience)).Payload);
    }

    [Fact]
    public async Task A_dropped_tcp_connection_is_reopened_and_the_new_one_serves_commands()
    {
        await using var app = await StartAsync();
        var socket = app.Slack.SocketMode;
        var dropped = (await socket.WaitForOpenAsync(2, Patience))[0];

        dropped.Drop();
        await dropped.Ended.WaitAsync(Patience);
        await socket.WaitForAcceptedAsync(3, Patience);
        var open = await socket.WaitForOpenAsync(2, Patience);
        var envelope = await socket.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl()), on: open.Single(c => c.Id == 3));
        var ack = await socket.WaitForAckAsync(envelope, Patience);

        Assert.False(dropped.ClosedByApp.IsCompleted);
        Assert.Equal(3, ack.Connection);
        Assert.NotEmpty(ack.Payload!["blocks"]!.AsArray());
        AssertNoCredentialLogged(app);
    }

    [Fact]
    public async Task Readyz_stays_ready_but_degraded_once_slack_disables_the_link_and_the_app_reconnects_when_slack_accepts_again()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        await using var app = await SlackApp.StartAsync(Settings(), sharedSlack: slack);
        var socket = slack.SocketMode;

        var ready = await ReadinessAsync(app);
        slack.On("apps.connections.open", FakeResponse.Json("""{"ok":false,"error":"not_allowed_token_type"}"""));
        foreach (var connection in await socket.WaitForOpenAsync(2, Patience))
        {
            await connection.RequestDisconnectAsync("link_disabled");
            await connection.ClosedByApp.WaitAsync(Patience);
        }

        var disabled = await ReadinessAsync(app);
        slack.Restore("apps.connections.open");
        var reopened = await socket.WaitForOpenAsync(2, Patience);
        var envelope = await socket.SendCommandAsync(SlackRequests.CommandBody("help", slack.NewResponseUrl()), on: reopened[0]);
        var ack = await socket.WaitForAckAsync(envelope, Patience);

        Assert.Equal("Healthy", ready.Check["status"]!.GetValue<string>());
        Assert.Contains("2 of 2 connection(s) open", ready.Check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, disabled.Status);
        Assert.Equal("Degraded", disabled.Check["status"]!.GetValue<string>());
        Assert.Contains("Socket Mode was turned off for the app", disabled.Check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.All(reopened, c => Assert.True(c.Id > 2));
        Assert.NotEmpty(ack.Payload!["blocks"]!.AsArray());
        Assert.Equal("Healthy", (await ReadinessAsync(app)).Check["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task While_slack_refuses_the_app_token_the_app_keeps_asking_and_readyz_stays_ready_but_degraded()
    {
        await using var slack = await FakeSlackServer.StartAsync();
        slack.On("apps.connections.open", FakeResponse.Json("""{"ok":false,"error":"invalid_auth"}"""));
        await using var app = await SlackApp.StartAsync(Settings(), sharedSlack: slack);

        // Each of the two connections retried after its wait, more than once.
        await slack.WaitForCallsAsync("apps.connections.open", 6, Patience);
        var readiness = await ReadinessAsync(app);

        Assert.Equal(HttpStatusCode.OK, readiness.Status);
        Assert.Equal("Degraded", readiness.Check["status"]!.GetValue<string>());
        Assert.Contains("0 of 2 connection(s) open", readiness.Check["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(slack.SocketMode.All);
        Assert.DoesNotContain(AppToken, app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Socket_mode_without_a_signing_secret_maps_no_signed_endpoints_and_serves_everything_over_the_socket()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });

        using var posted = await app.Requests.CommandAsync("help", app.Slack.NewResponseUrl());
        var envelope = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl()));

        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.NotEmpty((await AckedPayloadAsync(app, envelope))["blocks"]!.AsArray());
        Assert.Contains("Socket Mode only", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Slack:AppToken", "xoxb-1-2-not-an-app-token", "Slack:AppToken must be an app-level token (xapp-…)")]
    [InlineData("Slack:SocketMode:Connections", "0", "Slack:SocketMode:Connections must be 1 to 10")]
    [InlineData("Slack:SocketMode:Connections", "11", "Slack:SocketMode:Connections must be 1 to 10")]
    [InlineData("Slack:SocketMode:ReconnectDelay", "00:01:00", "Slack:SocketMode:ReconnectDelay must be more than 0 and at most Slack:SocketMode:MaxReconnectDelay")]
    [InlineData("Slack:SocketMode:KeepAliveTimeout", "00:00:00", "KeepAliveTimeout must be more than 0")]
    public void A_wrong_socket_mode_setting_stops_start_up_naming_the_key(string key, string value, string expected)
    {
        var options = new SlackOptions { BotToken = "xoxb-1-2-3", AppToken = AppToken };
        switch (key)
        {
            case "Slack:AppToken": options.AppToken = value; break;
            case "Slack:SocketMode:Connections": options.SocketMode.Connections = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            case "Slack:SocketMode:ReconnectDelay": options.SocketMode.ReconnectDelay = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            default: options.SocketMode.KeepAliveTimeout = TimeSpan.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
        }

        Assert.Contains(Errors(options), e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0.5, 2.0, true)]
    [InlineData(1.0, 1.8, true)]
    [InlineData(0.9, 2.0, false)]
    [InlineData(1.0, 2.8, false)]
    public void Options_language_wait_and_inline_wait_together_must_leave_room_in_slacks_3_s(double languageWait, double inlineWait, bool accepted)
    {
        var options = new SlackOptions { BotToken = "xoxb-1-2-3", AppToken = AppToken, LanguageWait = TimeSpan.FromSeconds(languageWait), InlineWait = TimeSpan.FromSeconds(inlineWait) };

        var errors = Errors(options).Where(e => e.Contains("LanguageWait plus Slack:InlineWait must be at most 2.8 s", StringComparison.Ordinal));

        Assert.Equal(accepted, !errors.Any());
    }

    [Fact]
    public void Socket_mode_needs_no_signing_secret_but_without_an_app_token_the_error_says_either_will_do()
    {
        Assert.Empty(Errors(new SlackOptions { BotToken = "xoxb-1-2-3", AppToken = AppToken }));
        Assert.Contains(Errors(new SlackOptions { BotToken = "xoxb-1-2-3" }), e => e.Contains("Slack:SigningSecret is required", StringComparison.Ordinal) && e.Contains("Slack:AppToken", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_wss_or_ws_to_a_loopback_ip_literal_is_connected_to_not_ws_to_the_name_localhost()
    {
        Assert.True(SocketModeLinks.IsAllowed(new Uri("wss://wss-primary.slack.com/link/?ticket=abc&app_id=A1")));
        Assert.True(SocketModeLinks.IsAllowed(new Uri("ws://127.0.0.1:5000/link/?ticket=abc")));
        Assert.True(SocketModeLinks.IsAllowed(new Uri("ws://[::1]:5000/link/?ticket=abc")));
        Assert.True(SocketModeLinks.IsAllowed(new Uri("ws://127.0.0.2:5000/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("ws://localhost:5000/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("ws://127.0.0.1.nip.io:5000/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("ws://10.0.0.1:5000/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("ws://wss-primary.slack.com/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("https://wss-primary.slack.com/link/?ticket=abc")));
        Assert.False(SocketModeLinks.IsAllowed(new Uri("wss://user:pw@wss-primary.slack.com/link/?ticket=abc")));
    }

    [Theory]
    [InlineData(1, 0.5, 1.0)]
    [InlineData(2, 1.0, 2.0)]
    [InlineData(3, 2.0, 4.0)]
    [InlineData(9, 15.0, 30.0)]
    [InlineData(500, 15.0, 30.0)]
    public void The_reconnect_wait_doubles_from_the_first_delay_up_to_the_maximum_with_up_to_half_taken_off_at_random(int failures, double atLeast, double atMost)
    {
        var settings = new SocketModeSettings();
        var waits = Enumerable.Range(0, 200).Select(_ => SocketModeService.Backoff(failures, settings).TotalSeconds).ToArray();

        Assert.All(waits, w => Assert.InRange(w, atLeast, atMost));
        Assert.True(waits.Distinct().Count() > 1, "the waits are all the same: no jitter");
    }

    private static async Task<(HttpStatusCode Status, JsonObject Check)> ReadinessAsync(SlackApp app)
    {
        using var response = await app.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var check = body["checks"]!.AsArray().OfType<JsonObject>().Single(c => c["name"]!.GetValue<string>() == "slack-socket-mode");
        return (response.StatusCode, check);
    }

    private static IEnumerable<string> Errors(SlackOptions options) =>
        new SlackOptionsValidator(new HostingEnvironment { EnvironmentName = Environments.Production }).Validate(null, options).Failures ?? [];
}
