using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// Alice asks Bob for a secret: <c>/onetime request @bob …</c>, the "Request a secret" shortcut or the form; Bob gets a
/// DM with Send it securely and Decline; his answer goes to Alice as a one-time link in her DM, and nobody's chat holds
/// the secret. A request is answered once and not after it expires.
/// </summary>
public sealed class SecretRequestTests
{
    private const string Note = "the Rq1-unique staging DB password";

    [Fact]
    public async Task A_request_dms_the_person_asked_what_it_is_for_with_send_it_securely_and_decline_and_tells_the_requester_privately()
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync($"request <@U0BOB|bob> {Note}");
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains($"I asked <@U0BOB> for: {Note}", Wire(reply), StringComparison.Ordinal);
        Assert.Equal($"<@U0ALICE> asks you for: {Note}", dm["text"]!.GetValue<string>());
        Assert.Equal([ActionIds.AnswerRequest, ActionIds.DeclineRequest], SlackApp.ActionIds(dm));
        Assert.Equal(SlackApp.ButtonValue(dm, ActionIds.AnswerRequest), SlackApp.ButtonValue(dm, ActionIds.DeclineRequest));
        Assert.Empty(app.Slack.DirectMessagesTo("U0ALICE"));
        SlackApp.AssertWithinBlockKitLimits(reply);
        SlackApp.AssertWithinBlockKitLimits(dm);
        Assert.DoesNotContain("Rq1-unique", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_answer_reaches_the_requester_as_a_link_with_the_note_never_the_secret_and_the_request_message_says_it_was_sent()
    {
        await using var app = await SlackApp.StartAsync();
        var request = await AskBobAsync(app);

        var view = await PressSendItSecurelyAsync(app, request);
        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("Rq2-unique-answered-secret-5b6n"),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed("Rq2-unique-passphrase"),
        }, user: "U0BOB"));
        var link = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;
        var answered = (await app.Slack.WaitForPostsAsync(request.ResponseUrl))[0];

        Assert.Contains($"<@U0ALICE> asks you for: *{Note}*", Wire(view), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        Assert.StartsWith("<@U0BOB> sent you a one-time link:", link["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"It answers your request for: {Note}", Wire(link), StringComparison.Ordinal);
        Assert.True(answered.ReplaceOriginal);
        Assert.Equal($"You sent <@U0ALICE> a one-time link for: {Note}", answered.Text);
        Assert.DoesNotContain("/secret/", answered.Body.ToJsonString(), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(link);
        SlackApp.AssertWithinBlockKitLimits(answered.Body);
        Assert.Null(await SlackApp.RevealAsync(SlackApp.LinkOn(link), "wrong passphrase"));
        Assert.Equal("Rq2-unique-answered-secret-5b6n", await SlackApp.RevealAsync(SlackApp.LinkOn(link), "Rq2-unique-passphrase"));
        app.AssertNowhere("Rq2-unique-answered-secret", "Rq2-unique-passphrase");
        Assert.DoesNotContain("Rq1-unique", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_answer_is_refused_kindly_whether_from_the_button_or_from_the_form_still_open()
    {
        await using var app = await SlackApp.StartAsync();
        var request = await AskBobAsync(app);
        var view = await PressSendItSecurelyAsync(app, request);
        var answer = new Dictionary<string, JsonObject> { ["secret"] = SlackRequests.Typed("Rq3-unique-first-answer"), ["ttl"] = SlackRequests.Chosen("1h") };
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, answer, user: "U0BOB"));
        await app.Slack.WaitForDirectMessagesAsync("U0ALICE");
        await app.Slack.WaitForPostsAsync(request.ResponseUrl);

        var buttonAgain = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.AnswerRequest, request.Id, buttonAgain, user: "U0BOB", channel: "D0BOB"));
        var refusal = (await app.Slack.WaitForPostsAsync(buttonAgain))[0];
        var formAgain = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("Rq3-unique-second-answer"),
            ["ttl"] = SlackRequests.Chosen("1h"),
        }, user: "U0BOB")));

        Assert.StartsWith("You already sent a secret for this request.", refusal.Text, StringComparison.Ordinal);
        Assert.False(refusal.ReplaceOriginal);
        Assert.Single(app.Slack.CallsOf("views.open"));
        Assert.Equal("errors", formAgain["response_action"]!.GetValue<string>());
        Assert.StartsWith("You already sent a secret for this request.", formAgain["errors"]!["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        await app.Host.Services.FollowUpsFinishedAsync();
        Assert.Single(app.Slack.DirectMessagesTo("U0ALICE"));
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        app.AssertNowhere("Rq3-unique-first-answer", "Rq3-unique-second-answer");
    }

    [Fact]
    public async Task Declining_tells_the_requester_and_turns_the_request_message_into_what_was_done()
    {
        await using var app = await SlackApp.StartAsync();
        var request = await AskBobAsync(app);

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.DeclineRequest, request.Id, request.ResponseUrl, user: "U0BOB", channel: "D0BOB"));
        var declined = (await app.Slack.WaitForPostsAsync(request.ResponseUrl))[0];
        var told = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;
        var answerAfter = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.AnswerRequest, request.Id, answerAfter, user: "U0BOB", channel: "D0BOB"));
        var refusal = (await app.Slack.WaitForPostsAsync(answerAfter))[0];

        Assert.True(declined.ReplaceOriginal);
        Assert.Equal($"You declined <@U0ALICE>'s request for: {Note}", declined.Text);
        Assert.Equal($"<@U0BOB> declined your request for: {Note}", told["text"]!.GetValue<string>());
        Assert.StartsWith("You declined this request, so it can't be answered any more.", refusal.Text, StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("views.open"));
        SlackApp.AssertWithinBlockKitLimits(declined.Body);
        SlackApp.AssertWithinBlockKitLimits(told);
    }

    [Fact]
    public async Task An_expired_request_can_be_neither_answered_nor_declined_and_says_so_clearly()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock);
        var request = await AskBobAsync(app);
        clock.Advance(TimeSpan.FromHours(24));

        var answerUrl = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.AnswerRequest, request.Id, answerUrl, user: "U0BOB", channel: "D0BOB"));
        var answerRefused = (await app.Slack.WaitForPostsAsync(answerUrl))[0];
        var declineUrl = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.DeclineRequest, request.Id, declineUrl, user: "U0BOB", channel: "D0BOB"));
        var declineRefused = (await app.Slack.WaitForPostsAsync(declineUrl))[0];

        Assert.Equal("This request has expired, so nothing can be sent for it. Requests can be answered for 1 day. If the secret is still needed, the person who asked can send a new request.", answerRefused.Text);
        Assert.Equal(answerRefused.Text, declineRefused.Text);
        Assert.False(declineRefused.ReplaceOriginal);
        Assert.Empty(app.Slack.CallsOf("views.open"));
        Assert.Empty(app.Slack.DirectMessagesTo("U0ALICE"));
    }

    [Fact]
    public async Task The_shortcut_opens_the_request_modal_whose_submission_asks_the_person_picked_and_turns_into_a_confirmation()
    {
        await using var app = await SlackApp.StartAsync();

        var opened = await app.Requests.InteractionAsync(Shortcut("request_secret"));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var confirmation = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["person"] = new JsonObject { ["selected_user"] = "U0BOB" },
            ["note"] = SlackRequests.Typed(Note),
        })));
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("request_modal", view["callback_id"]!.GetValue<string>());
        Assert.Equal("users_select", view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "person")["element"]!["type"]!.GetValue<string>());
        Assert.Equal("update", confirmation["response_action"]!.GetValue<string>());
        Assert.Contains($"I asked <@U0BOB> for: {Note}", Wire(confirmation["view"]), StringComparison.Ordinal);
        Assert.Equal($"<@U0ALICE> asks you for: {Note}", dm["text"]!.GetValue<string>());
        Assert.Empty(Testing.Slack.PublishedBlockKitLimits.ViewViolations(view));
        Assert.Empty(Testing.Slack.PublishedBlockKitLimits.ViewViolations(confirmation["view"]!.AsObject()));
    }

    [Fact]
    public async Task Request_alone_opens_the_modal_request_at_someone_picks_them_and_a_mistake_keeps_the_modal_open_beside_its_field()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();

        await app.Requests.CommandAsync("request", responseUrl);
        var blank = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        await app.Requests.CommandAsync("request <@U0BOB|bob>", app.Slack.NewResponseUrl());
        var picked = (await app.Slack.WaitForCallsAsync("views.open", 2))[1].Body["view"]!.AsObject();
        var askingMyself = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(blank, new Dictionary<string, JsonObject>
        {
            ["person"] = new JsonObject { ["selected_user"] = "U0ALICE" },
            ["note"] = SlackRequests.Typed(Note),
        })));
        var sent = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(blank, new Dictionary<string, JsonObject>
        {
            ["person"] = new JsonObject { ["selected_user"] = "U0BOB" },
            ["note"] = SlackRequests.Typed(Note),
        }));
        var confirmation = (await app.Slack.WaitForPostsAsync(responseUrl))[0];

        Assert.Null(Person(blank)["initial_user"]);
        Assert.Equal("U0BOB", Person(picked)["initial_user"]!.GetValue<string>());
        Assert.Equal(["person"], askingMyself["errors"]!.AsObject().Select(e => e.Key));
        Assert.StartsWith("You can't ask yourself for a secret.", askingMyself["errors"]!["person"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("", await sent.Content.ReadAsStringAsync());
        Assert.Equal($"I asked <@U0BOB> for: {Note}", confirmation.Text);
        Assert.Single(app.Slack.DirectMessagesTo("U0BOB"));
    }

    [Fact]
    public async Task Request_typed_in_the_bots_dm_offers_the_button_that_opens_the_form()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0REQUEST1", "request"));
        var reply = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.OpenRequestForm, "request", null, channel: "D0ALICE"));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        Assert.Equal([ActionIds.OpenRequestForm], SlackApp.ActionIds(reply));
        Assert.Equal("request_modal", view["callback_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_request_whose_note_names_someone_still_asks_and_shows_the_name_as_slack_does()
    {
        await using var app = await SlackApp.StartAsync();

        // Unlike a secret, a note is only read by people, so Slack's rendering of the name in it is good enough.
        var reply = await app.AnswerAsync("request <@U0BOB|bob> the Rq9-unique token <@U0CAROL|carol> set up");
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;

        Assert.Contains("I asked <@U0BOB> for: the Rq9-unique token @carol set up", Wire(reply), StringComparison.Ordinal);
        Assert.Equal("<@U0ALICE> asks you for: the Rq9-unique token @carol set up", dm["text"]!.GetValue<string>());
        Assert.Equal(1, app.Host.RowsIn("bot_secret_requests"));
    }

    [Fact]
    public async Task A_request_slack_cannot_deliver_says_why_and_asks_nobody()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.RefuseDirectMessagesTo("U0BOB", "user_disabled");

        var reply = await app.AnswerAsync($"request <@U0BOB|bob> {Note}");

        Assert.StartsWith("I could not send your request: Their Slack account is deactivated", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("chat.postMessage"));
        Assert.Equal(0, app.Host.RowsIn("bot_secret_requests"));
    }

    [Theory]
    [InlineData("request <#C0GENERAL|general> the staging DB password", "A request goes to one person, and the first word names a channel, so nobody was asked.")]
    [InlineData("request @nobody-q7w2 the staging DB password", "The first word starts with @ but is not a person Slack knows, so nobody was asked.")]
    public async Task A_request_naming_anything_but_one_person_asks_nobody_and_says_why_without_repeating_the_name(string text, string says)
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync(text);

        Assert.StartsWith(says, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("general", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("nobody-q7w2", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("conversations.open"));
    }

    /// <summary>Alice asks Bob; what his DM's buttons carry, and the response_url Slack gives his presses on that message.</summary>
    private static async Task<(string Id, Uri ResponseUrl)> AskBobAsync(SlackApp app)
    {
        await app.AnswerAsync($"request <@U0BOB|bob> {Note}");
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;
        return (SlackApp.ButtonValue(dm, ActionIds.AnswerRequest), app.Slack.NewResponseUrl());
    }

    private static async Task<JsonObject> PressSendItSecurelyAsync(SlackApp app, (string Id, Uri ResponseUrl) request)
    {
        var pressed = await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.AnswerRequest, request.Id, request.ResponseUrl, user: "U0BOB", channel: "D0BOB"));
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[^1].Body["view"]!.AsObject();
        Assert.Equal("answer_request_modal", view["callback_id"]!.GetValue<string>());
        Assert.Empty(Testing.Slack.PublishedBlockKitLimits.ViewViolations(view));
        return view;
    }

    private static JsonObject Shortcut(string callbackId, string user = "U0ALICE", string team = "T0ALPHA") => new()
    {
        ["type"] = "shortcut",
        ["token"] = "XXYYZZ",
        ["action_ts"] = "1700000000.000400",
        ["team"] = new JsonObject { ["id"] = team, ["domain"] = "alpha" },
        ["user"] = new JsonObject { ["id"] = user, ["username"] = "alice", ["team_id"] = team },
        ["is_enterprise_install"] = false,
        ["enterprise"] = null,
        ["callback_id"] = callbackId,
        ["trigger_id"] = "13345224609.738474920." + Guid.NewGuid().ToString("N"),
    };

    private static JsonObject Person(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "person")["element"]!.AsObject();

    /// <summary>Every string in the message, as Slack reads it (the JSON's escapes undone), one per line.</summary>
    private static string Wire(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => Wire(p.Value))),
        JsonArray a => string.Join('\n', a.Select(Wire)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };
}
