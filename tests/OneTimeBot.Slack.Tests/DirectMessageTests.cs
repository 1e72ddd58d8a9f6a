using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>Messages to the bot in its DM, through the Events API.</summary>
public sealed class DirectMessageTests
{
    [Fact]
    public async Task The_url_verification_handshake_is_answered_with_its_challenge()
    {
        await using var app = await SlackApp.StartAsync();

        var answer = await SlackApp.JsonAsync(await app.Requests.EventAsync(new JsonObject
        {
            ["token"] = "Jhj5dZrVaK7ZwHHjRyZWjbDl",
            ["challenge"] = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
            ["type"] = "url_verification",
        }));

        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", answer["challenge"]!.GetValue<string>());
    }

    [Fact]
    public async Task Generate_in_a_dm_posts_a_card_into_the_dm_without_unfurling_and_a_retried_event_makes_no_second_secret()
    {
        await using var app = await SlackApp.StartAsync();
        var e = SlackRequests.MessageEvent("Ev0GENERATE1", "generate 2h 24");

        var first = await app.Requests.EventAsync(e);
        var post = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0];
        var retries = new List<HttpStatusCode>();
        foreach (var retry in new[] { 1, 2, 3 })
        {
            retries.Add((await app.Requests.EventAsync(e, retry)).StatusCode);
        }

        await app.Host.Services.FollowUpsFinishedAsync();
        var password = await SlackApp.RevealAsync(SlackApp.LinkOn(post.Body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.All(retries, s => Assert.Equal(HttpStatusCode.OK, s));
        // One card: the other message the reveal may have brought by now tells Alice her link was opened.
        Assert.Single(app.Slack.CallsOf("chat.postMessage"), c => c.Body["text"]!.GetValue<string>().StartsWith("One-time link:", StringComparison.Ordinal));
        Assert.Equal("Bearer " + SlackApp.BotToken, post.Authorization);
        Assert.Equal("D0ALICE", post.Body["channel"]!.GetValue<string>());
        Assert.False(post.Body["unfurl_links"]!.GetValue<bool>());
        Assert.False(post.Body["unfurl_media"]!.GetValue<bool>());
        Assert.Contains("(expires in 2 hours)", post.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(24, password!.Length);
        SlackApp.AssertWithinBlockKitLimits(post.Body);
        app.AssertNowhere(password);
    }

    [Theory]
    [InlineData("help", "OneTimeBot: share")]
    [InlineData("share", "press the button to open the form")]
    [InlineData("config", "/onetime config")]
    [InlineData("sahre", "Did you mean share?")]
    public async Task Dm_commands_are_answered_in_the_dm(string text, string expected)
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0" + Guid.NewGuid().ToString("N")[..8], text));
        var post = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0];

        Assert.Equal("D0ALICE", post.Body["channel"]!.GetValue<string>());
        Assert.Contains(expected, post.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(post.Body);
    }

    [Fact]
    public async Task Help_in_a_dm_shows_commands_as_typed_there_and_does_not_offer_typing_a_secret()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0DMHELP", "help"));
        var help = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0].Body["text"]!.GetValue<string>();

        Assert.StartsWith("OneTimeBot: share, generate [expiry] [length]", help, StringComparison.Ordinal);
        Assert.DoesNotContain("<secret>", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/onetime", help, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("share typed-in-dm-9b9b")]
    // A name Slack rewrote in it changes nothing here: deleting the message is still the advice that matters.
    [InlineData("share typed-in-dm-9b9b <!here>")]
    public async Task A_secret_typed_into_the_dm_is_not_turned_into_a_link_and_the_user_is_told_to_delete_it(string text)
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0TYPEDSECRET", text));
        var post = (await app.Slack.WaitForCallsAsync("chat.postMessage"))[0];

        Assert.Contains("don't type secrets in messages", post.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(ActionIds.OpenShareForm, SlackApp.ActionIds(post.Body));
        app.AssertNowhere("typed-in-dm-9b9b");
    }

    [Fact]
    public async Task The_share_button_in_a_dm_opens_the_modal_and_its_card_comes_back_into_the_dm()
    {
        await using var app = await SlackApp.StartAsync();
        var dmMessageUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.OpenShareForm, "share", dmMessageUrl, channel: "D0ALICE"));
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("from-dm-button-2e2e"),
            ["ttl"] = SlackRequests.Chosen("30m"),
        }));
        var card = (await app.Slack.WaitForPostsAsync(dmMessageUrl))[0].Body;

        Assert.Equal("from-dm-button-2e2e", await SlackApp.RevealAsync(SlackApp.LinkOn(card)));
        app.AssertNowhere("from-dm-button-2e2e");
    }

    [Theory]
    [InlineData(null, "B0OTHERBOT")]
    [InlineData("message_changed", null)]
    [InlineData("channel_join", null)]
    public async Task Messages_from_bots_and_message_subtypes_are_ignored(string? subtype, string? botId)
    {
        await using var app = await SlackApp.StartAsync();

        var response = await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0IGNORED" + subtype + botId, "generate", subtype: subtype, botId: botId));
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(app.Slack.Calls);
    }

    [Fact]
    public async Task A_slack_web_api_failure_on_the_reply_is_logged_by_its_error_code_without_the_card()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.On("chat.postMessage", Testing.FakeResponse.Json("""{"ok":false,"error":"channel_not_found"}"""));

        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0FAILEDPOST", "generate 1h"));
        await app.Slack.WaitForCallsAsync("chat.postMessage");
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Contains(app.Host.Logs.Entries, e => e.FullText.Contains("chat.postMessage failed: channel_not_found", StringComparison.Ordinal));
        Assert.DoesNotContain("/secret/", app.Host.Logs.AllText, StringComparison.Ordinal);
    }
}
