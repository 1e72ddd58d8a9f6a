using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// <c>/onetime share @bob …</c>, <c>generate @bob …</c> and the modals' "Send the link to": the bot DMs Bob the link and
/// the sender's card says whether it arrived. Slack escapes the command's text (should_escape), and the secret still
/// reaches the secret service exactly as it was typed.
/// </summary>
public sealed class SendToPersonTests
{
    [Fact]
    public async Task Share_to_a_mentioned_person_dms_them_the_link_without_the_secret_and_the_senders_card_says_sent_to_them()
    {
        await using var app = await SlackApp.StartAsync();

        var card = await app.AnswerAsync("share <@U0BOB|bob> Pf7-share-to-bob-m4n8");
        var dm = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;

        Assert.Contains("📨 Sent to <@U0BOB>, privately, in their chat with OneTimeBot.", Wire(card), StringComparison.Ordinal);
        Assert.EndsWith("Sent to <@U0BOB>.", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(DirectMessageTextSentToWarning, Wire(card), StringComparison.Ordinal);
        Assert.Equal(SlackApp.LinkOn(card), SlackApp.LinkOn(dm));
        Assert.StartsWith("<@U0ALICE> sent you a one-time link:", dm["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("Pf7-share-to-bob", dm.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Pf7-share-to-bob-m4n8", await SlackApp.RevealAsync(SlackApp.LinkOn(dm)));
        app.AssertNowhere("Pf7-share-to-bob");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<@U0BOB|bob> ")]
    public async Task A_secret_reaches_the_secret_service_exactly_as_typed_whatever_slack_escaped_and_wrapped(string mention)
    {
        await using var app = await SlackApp.StartAsync();
        const string typed = "Pf7 a&b <c> x>y https://example.com/?q=1&r=2 example.org ops@example.com &amp; #not-a-channel @not-a-person";
        TestRunLedger.Secret(typed);
        // What Slack sends for it: the three characters escaped and links wrapped; words it matched to no one left as typed.
        const string sent = "Pf7 a&amp;b &lt;c&gt; x&gt;y <https://example.com/?q=1&amp;r=2> <http://example.org|example.org> <mailto:ops@example.com|ops@example.com> &amp;amp; #not-a-channel @not-a-person";

        var card = await app.AnswerAsync("share " + mention + sent);

        Assert.Equal(typed, await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        app.AssertNowhere("Pf7 a&b");
    }

    [Theory]
    [InlineData("share Pf7-name-in-secret-a1 <@U07OPSBOT>", "Pf7-name-in-secret-a1")]
    [InlineData("share <@U0BOB|bob> Pf7-name-in-secret-b2 <@U0CAROL|carol>", "Pf7-name-in-secret-b2")]
    [InlineData("share Pf7-name-in-secret-c3<#C0OPS|ops>", "Pf7-name-in-secret-c3")]
    [InlineData("share <@U0BOB|bob> Pf7-name-in-secret-d4 <!subteam^S0OPS|@ops-team>", "Pf7-name-in-secret-d4")]
    [InlineData("share Pf7-name-in-secret-e5 <!here> <https://example.com>", "Pf7-name-in-secret-e5")]
    public async Task A_secret_in_which_slack_rewrote_a_name_is_refused_and_nothing_is_shared_nor_sent(string text, string secretWord)
    {
        await using var app = await SlackApp.StartAsync();
        TestRunLedger.Secret(secretWord);

        var reply = await app.AnswerAsync(text);

        Assert.StartsWith(
            "Slack turned a name in your secret (a person, a channel, a group or @here) into a mention, so it cannot be sent exactly as you typed it, and nothing was shared.",
            reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Use /onetime share with nothing after it", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.DoesNotContain("Pf7", reply.ToJsonString(), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(reply);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        Assert.Empty(app.Slack.CallsOf("conversations.open"));
        Assert.Empty(app.Slack.ResponseUrlPosts);
        app.AssertNowhere(secretWord);
    }

    [Fact]
    public async Task After_check_status_and_burn_the_senders_card_still_says_whom_the_link_was_sent_to()
    {
        await using var app = await SlackApp.StartAsync();
        var card = await app.AnswerAsync("share <@U0BOB|bob> Pf7-status-keeps-bob-h6j2");
        var receipt = SlackApp.ButtonValue(card, ActionIds.CheckStatus);
        var cardUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, receipt, cardUrl));
        var checkedCard = (await app.Slack.WaitForPostsAsync(cardUrl))[0];
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, receipt, cardUrl));
        var burned = (await app.Slack.WaitForPostsAsync(cardUrl, 2))[1];

        const string SentToBob = "📨 Sent to <@U0BOB>, privately, in their chat with OneTimeBot.";
        Assert.Contains(SentToBob, Wire(checkedCard.Body), StringComparison.Ordinal);
        Assert.EndsWith("Sent to <@U0BOB>.", checkedCard.Text, StringComparison.Ordinal);
        Assert.Equal(SlackApp.LinkOn(card), SlackApp.LinkOn(checkedCard.Body));
        Assert.Contains(SentToBob, Wire(burned.Body), StringComparison.Ordinal);
        Assert.StartsWith("The secret was burned.", burned.Text, StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(burned.Body);
    }

    [Fact]
    public async Task Check_status_of_a_link_the_person_opened_says_it_was_viewed_and_whom_it_was_sent_to()
    {
        await using var app = await SlackApp.StartAsync();
        var card = await app.AnswerAsync("share <@U0BOB|bob> Pf7-viewed-by-bob-q8w1");
        await SlackApp.RevealAsync(SlackApp.LinkOn(card));
        var cardUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, SlackApp.ButtonValue(card, ActionIds.CheckStatus), cardUrl));
        var viewed = (await app.Slack.WaitForPostsAsync(cardUrl))[0];

        Assert.Equal("The secret was viewed and is gone. Sent to <@U0BOB>.", viewed.Text);
        Assert.Contains("📨 Sent to <@U0BOB>, privately, in their chat with OneTimeBot.", Wire(viewed.Body), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(viewed.Body);
    }

    [Fact]
    public async Task A_share_that_names_nobody_gives_the_link_to_its_sender_only()
    {
        await using var app = await SlackApp.StartAsync();

        var card = await app.AnswerAsync("share Pf7-for-me-only-r5t6");

        Assert.Empty(app.Slack.CallsOf("conversations.open"));
        Assert.DoesNotContain("Sent to", Wire(card), StringComparison.Ordinal);
        Assert.Equal("Pf7-for-me-only-r5t6", await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
    }

    [Theory]
    [InlineData("share <#C0GENERAL|general> Pf7-to-a-channel-1", "A link goes to one person, and the first word names a channel, so nothing was shared.")]
    [InlineData("share <!here> Pf7-to-everyone-2", "A link goes to one person, and the first word names a group of people, so nothing was shared.")]
    [InlineData("share <!subteam^S0OPS|@ops> Pf7-to-a-group-3", "A link goes to one person, and the first word names a group of people, so nothing was shared.")]
    [InlineData("share @Pf7-dm1n!2024-nobody-4", "The first word starts with @ but is not a person Slack knows, so nothing was shared.")]
    [InlineData("share <@bob|bob> Pf7-bad-mention-5", "That name is not a Slack mention I can read, so nothing was shared.")]
    [InlineData("generate <#C0GENERAL|general> 1h", "A link goes to one person, and the first word names a channel, so nothing was shared.")]
    public async Task Naming_anything_but_one_person_slack_knows_shares_nothing_and_says_why_without_repeating_what_was_typed(string text, string says)
    {
        await using var app = await SlackApp.StartAsync();
        // An @word Slack knows nobody by may be the secret itself, its first word: the ledger lets the leak scan look for it too.
        TestRunLedger.Secret("@Pf7-dm1n!2024-nobody-4");

        var reply = await app.AnswerAsync(text);

        Assert.StartsWith(says, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.DoesNotContain("Pf7", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("general", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("@ops", reply.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        Assert.Empty(app.Slack.CallsOf("conversations.open"));
        app.AssertNowhere("Pf7-to-a-channel-1", "Pf7-to-everyone-2", "Pf7-to-a-group-3", "Pf7-dm1n!2024-nobody-4", "Pf7-bad-mention-5");
    }

    [Fact]
    public async Task When_slack_will_not_deliver_the_dm_the_card_says_why_and_gives_the_link_to_pass_on()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.RefuseDirectMessagesTo("U0BOB", "user_disabled");

        var card = await app.AnswerAsync("share <@U0BOB|bob> Pf7-undeliverable-c7v8");
        var wire = Wire(card);

        Assert.Contains(":warning: *Not sent to <@U0BOB>.* Their Slack account is deactivated, so Slack delivers nothing to them.", wire, StringComparison.Ordinal);
        Assert.Contains("Pass the link on yourself", wire, StringComparison.Ordinal);
        Assert.Contains("Not sent to <@U0BOB>: Their Slack account is deactivated", card["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("chat.postMessage"));
        SlackApp.AssertWithinBlockKitLimits(card);
        Assert.Equal("Pf7-undeliverable-c7v8", await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
    }

    [Fact]
    public async Task Generate_to_a_mentioned_person_sends_them_the_generated_passwords_link()
    {
        await using var app = await SlackApp.StartAsync();

        var card = await app.AnswerAsync("generate <@U0BOB> 1h 18");
        var dm = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;
        var password = await SlackApp.RevealAsync(SlackApp.LinkOn(dm));

        Assert.Contains("A password for you, behind a one-time link", Wire(dm), StringComparison.Ordinal);
        Assert.Contains("(expires in 1 hour)", dm["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Sent to <@U0BOB>", Wire(card), StringComparison.Ordinal);
        Assert.Equal(18, password!.Length);
        app.AssertNowhere(password);
    }

    [Fact]
    public async Task Share_naming_only_a_person_opens_the_form_with_them_already_picked()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.CommandAsync("share <@U0BOB|bob>", app.Slack.NewResponseUrl());
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        Assert.Equal("U0BOB", Picker(view)["initial_user"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_share_modal_sends_the_link_to_the_person_picked_and_a_mistake_keeps_the_modal_open_and_sends_nothing()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();
        await app.Requests.CommandAsync("share", responseUrl);
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var picked = new JsonObject { ["selected_user"] = "U0BOB" };

        var mistake = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("Pf7-modal-to-bob-k9j8"),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed("abc"),
            ["send_to"] = picked.DeepClone().AsObject(),
        })));
        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("Pf7-modal-to-bob-k9j8"),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["send_to"] = picked,
        }));
        var card = (await app.Slack.WaitForPostsAsync(responseUrl))[0].Body;
        var dm = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;

        Assert.Equal("users_select", Picker(view)["type"]!.GetValue<string>());
        Assert.Equal("errors", mistake["response_action"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        Assert.Contains("Sent to <@U0BOB>", Wire(card), StringComparison.Ordinal);
        Assert.Equal("Pf7-modal-to-bob-k9j8", await SlackApp.RevealAsync(SlackApp.LinkOn(dm)));
        app.AssertNowhere("Pf7-modal-to-bob-k9j8");
    }

    [Fact]
    public async Task The_generate_modal_has_the_picker_too_and_sends_to_the_person_picked()
    {
        await using var app = await SlackApp.StartAsync();
        var responseUrl = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.OpenGenerateForm, "generate", responseUrl));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["length"] = SlackRequests.Typed("16"),
            ["send_to"] = new JsonObject { ["selected_user"] = "U0BOB" },
        }));
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;
        var password = await SlackApp.RevealAsync(SlackApp.LinkOn(dm));

        Assert.Equal(16, password!.Length);
        app.AssertNowhere(password);
    }

    [Fact]
    public async Task A_person_in_an_org_wide_install_gets_the_dm_through_the_orgs_token()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        var tokens = app.Host.Services.GetRequiredService<SlackTokens>();
        await app.Host.Services.GetRequiredService<ISlackInstallationStore>().SaveAsync(new SlackInstallation(
            null, "E0ORG", true, tokens.Protect("xoxb-org-install-token-d4f5"), "U0BOTUSER", "B0BOT", "A0ONETIME",
            "commands,chat:write,im:history,im:write,users:read", "U0INSTALLER", DateTimeOffset.UtcNow), default);
        var responseUrl = app.Slack.NewResponseUrl();

        var response = await app.Requests.PostAsync("/slack/commands",
            SlackRequests.CommandBody("share <@U0BOB|bob> Pf7-org-wide-secret-h6j7", responseUrl, enterprise: "E0ORG"), "application/x-www-form-urlencoded");
        var card = await app.AnswerAsync(response, responseUrl);

        Assert.Equal("Bearer xoxb-org-install-token-d4f5", (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Authorization);
        Assert.Contains("Sent to <@U0BOB>", Wire(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_for_a_person_typed_in_the_bots_dm_sends_them_the_link_and_tells_the_sender_in_the_dm()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0SENDTO1", "generate <@U0BOB> 2h"));
        var dm = (await app.Slack.WaitForDirectMessagesAsync("U0BOB"))[0].Body;
        var card = (await app.Slack.WaitForDirectMessagesAsync("U0ALICE"))[0].Body;

        Assert.Equal(SlackApp.LinkOn(card), SlackApp.LinkOn(dm));
        Assert.Contains("Sent to <@U0BOB>", Wire(card), StringComparison.Ordinal);
    }

    private const string DirectMessageTextSentToWarning = "Don't open the link yourself: opening it shows the secret once and destroys it.";

    /// <summary>Every string in the message, as Slack reads it (the JSON's escapes undone), one per line.</summary>
    private static string Wire(JsonNode? node) => node switch
    {
        JsonObject o => string.Join('\n', o.Select(p => Wire(p.Value))),
        JsonArray a => string.Join('\n', a.Select(Wire)),
        JsonValue v when v.TryGetValue<string>(out var text) => text,
        _ => "",
    };

    private static JsonObject Picker(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "send_to")["element"]!.AsObject();
}
