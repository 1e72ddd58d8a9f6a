using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Tests;

/// <summary>The bot messaging one person in Slack: a DM opened with conversations.open and posted with chat.postMessage.</summary>
public sealed class SlackDirectMessengerTests
{
    private static readonly Actor Alice = new(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE");
    private static readonly Actor Bob = new(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0BOB");

    [Fact]
    public async Task A_link_sent_to_a_person_arrives_in_their_dm_saying_who_sent_it_and_that_a_passphrase_is_needed_but_not_what_it_is()
    {
        await using var app = await SlackApp.StartAsync();
        var card = await ShareAsync(app, "Pf7-dm-to-bob-secret-q2w9", "Pf7 dm passphrase");

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob, new LinkForYou(new Person("U0ALICE"), card), default);
        var opened = Assert.Single(app.Slack.CallsOf("conversations.open"));
        var message = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;
        var text = message.ToJsonString(BlockKit.SlackReply.WireOptions);

        Assert.True(sent.Sent);
        Assert.Equal("U0BOB", opened.Body["users"]!.GetValue<string>());
        Assert.Equal("Bearer " + SlackApp.BotToken, opened.Authorization);
        Assert.False(message["unfurl_links"]!.GetValue<bool>());
        Assert.False(message["unfurl_media"]!.GetValue<bool>());
        Assert.StartsWith("<@U0ALICE> sent you a one-time link: " + card.Link, message["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains($"<!date^{card.ExpiresAt.ToUnixTimeSeconds()}^", text, StringComparison.Ordinal);
        Assert.Contains("Required: <@U0ALICE> tells you it another way", text, StringComparison.Ordinal);
        Assert.Contains(DirectMessageText.OpenOnce, text, StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(message);
        Assert.Equal("Pf7-dm-to-bob-secret-q2w9", await SlackApp.RevealAsync(SlackApp.LinkOn(message), "Pf7 dm passphrase"));
        app.AssertNowhere("Pf7-dm-to-bob-secret-q2w9", "Pf7 dm passphrase");
    }

    [Theory]
    [InlineData("user_disabled", "Their Slack account is deactivated, so Slack delivers nothing to them.")]
    [InlineData("user_not_found", "Slack cannot find them in this workspace.")]
    [InlineData("cannot_dm_bot", "They are an app, and Slack does not let apps receive direct messages.")]
    [InlineData("missing_scope", "OneTimeBot lacks Slack's permission to message people (im:write); an admin needs to reinstall it.")]
    [InlineData("not_allowed_token_type", "OneTimeBot's Slack token cannot send direct messages; whoever runs OneTimeBot needs to give it a bot token (xoxb-…).")]
    [InlineData("channel_not_found", "Slack does not let OneTimeBot open a conversation with them, as happens with people from another organisation (Slack Connect).")]
    [InlineData("ratelimited", "Slack is limiting how many messages OneTimeBot may send right now; try again in a minute.")]
    [InlineData("something_new", "Slack refused to deliver it (something_new).")]
    public async Task When_slack_will_not_open_the_dm_the_sender_gets_one_sentence_saying_why(string error, string problem)
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.RefuseDirectMessagesTo("U0BOB", error);

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob, Asked(), default);

        Assert.Equal(DirectMessageResult.NotSent(problem, transient: error == "ratelimited"), sent);
        Assert.Empty(app.Slack.CallsOf("chat.postMessage"));
    }

    [Fact]
    public async Task A_rate_limited_or_failing_slack_web_api_is_a_sentence_too_never_an_exception()
    {
        await using var app = await SlackApp.StartAsync();
        var messengers = app.Host.Services.GetRequiredService<DirectMessengers>();

        app.Slack.On("conversations.open", new FakeResponse(429, """{"ok":false,"error":"ratelimited"}""", new Dictionary<string, string> { ["Retry-After"] = "30" }));
        var limited = await messengers.SendAsync(Bob, Asked(), default);
        app.Slack.On("conversations.open", new FakeResponse(502, "Bad Gateway"));
        var failing = await messengers.SendAsync(Bob, Asked(), default);
        app.Slack.On("conversations.open", FakeResponse.Json("""{"ok":true,"channel":{"id":"D0BOB"}}"""));
        app.Slack.On("chat.postMessage", FakeResponse.Json("""{"ok":false,"error":"user_disabled"}"""));
        var refusedPost = await messengers.SendAsync(Bob, Asked(), default);

        Assert.Equal("Slack is limiting how many messages OneTimeBot may send right now; try again in a minute.", limited.Problem);
        Assert.Equal("Slack refused to deliver it (http_502).", failing.Problem);
        Assert.Equal("Their Slack account is deactivated, so Slack delivers nothing to them.", refusedPost.Problem);
        Assert.Equal((true, true, false), (limited.Transient, failing.Transient, refusedPost.Transient));
    }

    [Fact]
    public async Task A_person_of_an_org_wide_install_is_messaged_with_the_orgs_token()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        var tokens = app.Host.Services.GetRequiredService<SlackTokens>();
        await app.Host.Services.GetRequiredService<ISlackInstallationStore>().SaveAsync(new SlackInstallation(
            TeamId: null, EnterpriseId: "E0ORG", IsEnterpriseInstall: true, tokens.Protect("xoxb-org-wide-token-7f3k"), "U0BOTUSER", "B0BOT", "A0ONETIME",
            "commands,chat:write,im:history,im:write,users:read", "U0INSTALLER", DateTimeOffset.UtcNow), default);
        var messengers = app.Host.Services.GetRequiredService<DirectMessengers>();

        var sent = await messengers.SendAsync(Bob with { Reach = new ChatReach(EnterpriseId: "E0ORG") }, Asked(), default);
        var outsideTheOrg = await messengers.SendAsync(Bob, Asked(), default);

        Assert.True(sent.Sent);
        Assert.Equal("Bearer xoxb-org-wide-token-7f3k", Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Authorization);
        Assert.Equal("OneTimeBot is not installed in this workspace any more, so it cannot message anyone here.", outsideTheOrg.Problem);
    }

    [Fact]
    public async Task A_request_arrives_with_send_it_securely_and_decline_buttons_carrying_the_request()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob, Asked(), default);
        var message = Assert.Single(app.Slack.DirectMessagesTo("U0BOB")).Body;

        Assert.Equal("<@U0ALICE> asks you for: the staging DB password &amp; its &lt;user&gt;", message["text"]!.GetValue<string>());
        Assert.Equal([("answer_request", "req-7f3k"), ("decline_request", "req-7f3k")], Buttons(message));
        SlackApp.AssertWithinBlockKitLimits(message);
    }

    private static SecretAsked Asked() =>
        new("req-7f3k", new Person("U0ALICE", "Alice"), "the staging DB password & its <user>", DateTimeOffset.UtcNow.AddHours(24));

    private static async Task<SecretCard> ShareAsync(SlackApp app, string secret, string passphrase)
    {
        TestRunLedger.Secret(secret);
        TestRunLedger.Note(LedgerKind.Passphrase, passphrase);
        var shared = await app.Host.Services.GetRequiredService<SharingService>()
            .ShareAsync(Alice, new ShareInput(new SecretText(secret), "1h", new SecretText(passphrase)), null, default);
        return shared.Value!;
    }

    private static IEnumerable<(string, string)> Buttons(JsonObject message) =>
        message["blocks"]!.AsArray().OfType<JsonObject>().Where(b => b["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b["elements"]!.AsArray().OfType<JsonObject>())
            .Select(e => (e["action_id"]!.GetValue<string>(), e["value"]!.GetValue<string>()));
}
