using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Testing;
using static OneTimeBot.Slack.Tests.SocketMode.SocketModeApp;

namespace OneTimeBot.Slack.Tests.SocketMode;

/// <summary>
/// Each Socket Mode envelope type against a local server that behaves like Slack's: what comes back in the ack is what
/// the HTTP endpoint answers, and what happens afterwards (the link, the card, the DM) is the same.
/// </summary>
public sealed class SocketModeEnvelopeTests
{
    [Fact]
    public async Task Slack_says_hello_on_two_connections_opened_with_the_app_token_and_each_single_use_url_is_used_once()
    {
        await using var app = await StartAsync();

        var open = await app.Slack.SocketMode.WaitForOpenAsync(2, Patience);
        var opens = app.Slack.CallsOf("apps.connections.open");

        Assert.Equal(2, open.Count);
        Assert.All(opens, call => Assert.Equal("Bearer " + AppToken, call.Authorization));
        Assert.Equal(0, app.Slack.SocketMode.RefusedTickets);
        Assert.All(open, connection => Assert.False(connection.Ended.IsCompleted));
        AssertNoCredentialLogged(app);
    }

    [Fact]
    public async Task A_share_over_the_socket_is_acked_with_the_same_card_as_over_http_and_its_link_reveals_the_secret()
    {
        await using var app = await StartAsync();
        const string secret = "Pf7-socket-share-6d1c0e9a-kept-out-of-logs";
        const string overHttp = "Pf7-http-share-3a5b7c9d-kept-out-of-logs";

        var envelope = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("share " + secret, app.Slack.NewResponseUrl()));
        var card = await AckedPayloadAsync(app, envelope);
        var httpCard = await app.AnswerAsync("share " + overHttp);

        Assert.Equal(httpCard["response_type"]!.GetValue<string>(), card["response_type"]!.GetValue<string>());
        Assert.Equal(BlockTypes(httpCard), BlockTypes(card));
        Assert.Equal(SlackApp.ActionIds(httpCard), SlackApp.ActionIds(card));
        SlackApp.AssertWithinBlockKitLimits(card);
        Assert.Equal(secret, await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        Assert.Null(await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        Assert.Single(app.Slack.SocketMode.AcksOf(envelope));
        app.AssertNowhere(secret, overHttp);
    }

    [Fact]
    public async Task A_modal_opened_over_the_socket_and_submitted_with_bad_input_gets_its_errors_in_the_ack_and_shares_nothing()
    {
        await using var app = await StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();

        var opened = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("share", responseUrl));
        var openAck = await app.Slack.SocketMode.WaitForAckAsync(opened, Patience);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[^1].Body["view"]!.AsObject();
        var submitted = await app.Slack.SocketMode.SendAsync("interactive", SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("Pf7-modal-kept-9e8d7c6b"),
            ["passphrase"] = SlackRequests.Typed("abc"),
            ["ttl"] = SlackRequests.Chosen("1h"),
        }));
        var answer = await AckedPayloadAsync(app, submitted);

        Assert.Null(openAck.Payload);
        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.Equal(["passphrase"], answer["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("passphrase must be 4 to 128", answer["errors"]!["passphrase"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Empty(app.Slack.PostsTo(responseUrl));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Pf7-modal-kept-9e8d7c6b");
    }

    [Fact]
    public async Task An_event_delivered_twice_on_two_connections_is_acked_both_times_and_handled_once()
    {
        await using var app = await StartAsync();
        var open = await app.Slack.SocketMode.WaitForOpenAsync(2, Patience);
        var e = SlackRequests.MessageEvent("Ev0SOCKETTWICE", "generate 1h 20");

        var first = await app.Slack.SocketMode.SendAsync("events_api", e, on: open[0]);
        var again = await app.Slack.SocketMode.SendAsync("events_api", e, on: open[1]);
        var firstAck = await app.Slack.SocketMode.WaitForAckAsync(first, Patience);
        var againAck = await app.Slack.SocketMode.WaitForAckAsync(again, Patience);
        await app.Slack.WaitForDirectMessagesAsync("U0ALICE");
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal(open[0].Id, firstAck.Connection);
        Assert.Equal(open[1].Id, againAck.Connection);
        Assert.Null(firstAck.Payload);
        Assert.Single(app.Slack.DirectMessagesTo("U0ALICE"));
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
    }

    [Fact]
    public async Task An_event_already_handled_over_http_is_not_handled_again_over_the_socket()
    {
        await using var app = await StartAsync();
        var e = SlackRequests.MessageEvent("Ev0SOCKETANDHTTP", "generate 1h 20");

        Assert.Equal(HttpStatusCode.OK, (await app.Requests.EventAsync(e)).StatusCode);
        var envelope = await app.Slack.SocketMode.SendAsync("events_api", e);
        await app.Slack.SocketMode.WaitForAckAsync(envelope, Patience);
        await app.Slack.WaitForDirectMessagesAsync("U0ALICE");
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Single(app.Slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task Malformed_frames_and_unknown_types_are_skipped_without_acting_on_them_and_the_connection_keeps_serving()
    {
        await using var app = await StartAsync();
        var connection = (await app.Slack.SocketMode.WaitForOpenAsync(2, Patience))[0];
        var command = JsonNode.Parse("{}")!.AsObject();
        foreach (var pair in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(SlackRequests.CommandBody("share Pf7-malformed-never-shared-1b2c", app.Slack.NewResponseUrl())))
        {
            command[pair.Key] = pair.Value.ToString();
        }

        await connection.SendTextAsync("not json at all");
        await connection.SendTextAsync("{\"type\":");
        await connection.SendTextAsync("[1,2,3]");
        await connection.SendTextAsync("{\"type\":42}");
        await connection.SendBinaryAsync(Encoding.UTF8.GetBytes(new JsonObject { ["envelope_id"] = "env-binary", ["type"] = "slash_commands", ["payload"] = command.DeepClone() }.ToJsonString()));
        // A command envelope without its envelope_id: nothing to ack it by, so nothing is done.
        await connection.SendTextAsync(new JsonObject { ["type"] = "slash_commands", ["payload"] = command.DeepClone() }.ToJsonString());
        var unknown = await app.Slack.SocketMode.SendAsync("presence_sub", command, on: connection);
        // Each of the seven is read and set aside before the next frame is read: that is what the log says.
        await SkippedFramesAsync(app, 7);
        var good = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("help", app.Slack.NewResponseUrl()), on: connection);
        var help = await AckedPayloadAsync(app, good);
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.NotEmpty(help["blocks"]!.AsArray());
        Assert.Empty(app.Slack.SocketMode.AcksOf(unknown));
        Assert.Empty(app.Slack.SocketMode.AcksOf("env-binary"));
        Assert.Single(app.Slack.SocketMode.Acks);
        Assert.False(connection.Ended.IsCompleted);
        Assert.Equal(2, app.Slack.SocketMode.All.Count);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        Assert.Empty(connection.Other);
        app.AssertNowhere("Pf7-malformed-never-shared-1b2c");
    }

    [Fact]
    public async Task With_a_backend_slower_than_slacks_3_s_a_command_is_acked_when_the_inline_wait_runs_out_and_the_card_arrives_through_its_response_url()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var held = new BackendHold();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", now, 604800)).Until(held));
        var clock = new WatchedClock(now);
        await using var app = await StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() }, clock);
        var inlineWait = app.Host.Services.GetRequiredService<IOptions<SlackOptions>>().Value.InlineWait;
        var responseUrl = app.Slack.NewResponseUrl();

        var waitsBefore = clock.TimersStarted(inlineWait);
        var envelope = await app.Slack.SocketMode.SendCommandAsync(SlackRequests.CommandBody("share Pf7-slow-socket-5e4d3c2b", responseUrl));
        // The backend has not answered and will not until released: only the inline wait running out can ack.
        await clock.TimersStartedAsync(inlineWait, waitsBefore + 1, Patience);
        Assert.Empty(app.Slack.SocketMode.AcksOf(envelope));
        clock.Advance(inlineWait);
        var ack = await AckedPayloadAsync(app, envelope);
        held.Release();
        var card = (await app.Slack.WaitForPostsAsync(responseUrl, timeout: Patience))[0].Body;

        Assert.Contains("…", ack["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(SlackApp.ActionIds(ack));
        Assert.Equal(backend.BaseUri.Port, SlackApp.LinkOn(card).Port);
        Assert.Equal("ephemeral", card["response_type"]!.GetValue<string>());
        Assert.True(inlineWait < TimeSpan.FromSeconds(3), $"the inline wait of {inlineWait} is not inside Slack's 3 s");
        Assert.Single(app.Slack.SocketMode.AcksOf(envelope));
        app.AssertNowhere("Pf7-slow-socket-5e4d3c2b");
    }

    [Fact]
    public async Task An_envelope_that_arrives_on_a_connection_being_closed_is_left_for_slack_to_send_again_and_is_acked_once_on_the_new_one()
    {
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        var now = DateTimeOffset.UtcNow;
        var held = new BackendHold();
        backend.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", now, 604800)).Until(held));
        var clock = new WatchedClock(now);
        await using var app = await StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:Backend"] = backend.BaseUri.ToString() }, clock);
        var socket = app.Slack.SocketMode;
        socket.RedeliversUnacked = true;
        var old = (await socket.WaitForOpenAsync(2, Patience))[0];

        // An envelope the old connection is still answering (the backend holds it) keeps it from closing.
        var answering = await socket.SendCommandAsync(SlackRequests.CommandBody("share Pf7-held-while-closing-7h6g", app.Slack.NewResponseUrl()), on: old);
        await held.Reached.WaitAsync(Patience);
        await old.RequestDisconnectAsync("refresh_requested");
        await LoggedAsync(app, "Closing Slack Socket Mode connection");
        // Sent on the connection being closed, as Slack may have before it stopped using it.
        var late = await socket.SendCommandAsync(SlackRequests.CommandBody("share Pf7-late-on-closing-3k9m", app.Slack.NewResponseUrl()), on: old);
        held.Release();
        await LoggedAsync(app, "left 1 envelope(s) that arrived while it was closing unacked");
        var redelivered = await socket.WaitForAckAsync(late, Patience);
        await socket.WaitForAckAsync(answering, Patience);

        Assert.NotEqual(old.Id, redelivered.Connection);
        Assert.Single(socket.AcksOf(late));
        Assert.Single(socket.AcksOf(answering));
        Assert.Single(backend.Requests, r => r.Path == "/api/v1/share" && r.Body.Contains("Pf7-late-on-closing-3k9m", StringComparison.Ordinal));
        app.AssertNowhere("Pf7-held-while-closing-7h6g", "Pf7-late-on-closing-3k9m");
    }

    private static async Task LoggedAsync(SlackApp app, string text)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!app.Host.Logs.Entries.Any(e => e.Message.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"nothing logged with '{text}'");
            await Task.Delay(20);
        }
    }

    private static async Task SkippedFramesAsync(SlackApp app, int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (app.Host.Logs.Entries.Count(e => e.Category.EndsWith("SocketModeConnection", StringComparison.Ordinal) && e.Message.StartsWith("Skipped a", StringComparison.Ordinal)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the app did not skip {count} frames");
            await Task.Delay(20);
        }
    }
}
