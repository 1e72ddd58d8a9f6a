using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>Check status and Burn now on a card: acked at once, the same private message updated through response_url.</summary>
public sealed class ReceiptActionTests
{
    private static async Task<(JsonObject Card, Uri Link)> ShareAsync(SlackApp app, string secret)
    {
        var card = await app.AnswerAsync("share " + secret);
        return (card, SlackApp.LinkOn(card));
    }

    [Fact]
    public async Task Check_status_replaces_the_card_with_new_then_viewed_once_the_link_was_opened()
    {
        await using var app = await SlackApp.StartAsync();
        var (card, link) = await ShareAsync(app, "status-secret-81c2");
        var receipt = SlackApp.ButtonValue(card, ActionIds.CheckStatus);
        var cardUrl = app.Slack.NewResponseUrl();

        var ack = await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, receipt, cardUrl));
        var unopened = (await app.Slack.WaitForPostsAsync(cardUrl))[0];
        await SlackApp.RevealAsync(link);
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, receipt, cardUrl));
        var viewed = (await app.Slack.WaitForPostsAsync(cardUrl, 2))[1];

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.True(unopened.ReplaceOriginal);
        Assert.Equal(link, SlackApp.LinkOn(unopened.Body));
        Assert.True(viewed.ReplaceOriginal);
        Assert.Equal("The secret was viewed and is gone.", viewed.Text);
        Assert.Empty(SlackApp.ActionIds(viewed.Body));
        SlackApp.AssertWithinBlockKitLimits(viewed.Body);
        app.AssertNowhere("status-secret-81c2");
    }

    [Fact]
    public async Task Burn_now_replaces_the_card_with_burned_and_the_link_shows_nothing_afterwards()
    {
        await using var app = await SlackApp.StartAsync();
        var (card, link) = await ShareAsync(app, "burn-secret-5d1e");
        var cardUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, SlackApp.ButtonValue(card, ActionIds.Burn), cardUrl));
        var burned = (await app.Slack.WaitForPostsAsync(cardUrl))[0];

        Assert.True(burned.ReplaceOriginal);
        Assert.Equal("The secret was burned.", burned.Text);
        Assert.Null(await SlackApp.RevealAsync(link));
        app.AssertNowhere("burn-secret-5d1e");
    }

    [Fact]
    public async Task Someone_else_pressing_burn_gets_a_private_refusal_and_the_secret_survives()
    {
        await using var app = await SlackApp.StartAsync();
        var (card, link) = await ShareAsync(app, "not-yours-7a7a");
        var otherUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.Burn, SlackApp.ButtonValue(card, ActionIds.Burn), otherUrl, user: "U0MALLORY"));
        var refusal = (await app.Slack.WaitForPostsAsync(otherUrl))[0];

        Assert.False(refusal.ReplaceOriginal);
        Assert.Equal("ephemeral", refusal.Body["response_type"]!.GetValue<string>());
        Assert.Contains("Only the person who shared this secret", refusal.Text, StringComparison.Ordinal);
        Assert.Equal("not-yours-7a7a", await SlackApp.RevealAsync(link));
    }

    [Fact]
    public async Task Burning_a_secret_with_a_passphrase_asks_for_it_in_a_modal_and_a_wrong_one_keeps_the_modal_open()
    {
        await using var app = await SlackApp.StartAsync();
        var commandUrl = app.Slack.NewResponseUrl();
        await app.Requests.CommandAsync("share", commandUrl);
        var shareView = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(shareView, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("guarded-secret-3c3c"),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed("guard phrase"),
        }));
        var card = (await app.Slack.WaitForPostsAsync(commandUrl))[0].Body;
        var link = SlackApp.LinkOn(card);
        var cardUrl = app.Slack.NewResponseUrl();

        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.BurnWithPassphrase, SlackApp.ButtonValue(card, ActionIds.BurnWithPassphrase), cardUrl));
        var burnView = (await app.Slack.WaitForCallsAsync("views.open", 2))[1].Body["view"]!.AsObject();
        var wrong = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(burnView, new Dictionary<string, JsonObject> { ["passphrase"] = SlackRequests.Typed("not the phrase") })));
        var right = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(burnView, new Dictionary<string, JsonObject> { ["passphrase"] = SlackRequests.Typed("guard phrase") }));
        var burned = (await app.Slack.WaitForPostsAsync(cardUrl))[0];

        Assert.Equal("burn_secret", burnView["callback_id"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(burnView));
        Assert.Contains("passphrase is not right", wrong["errors"]!["passphrase"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("", await right.Content.ReadAsStringAsync());
        Assert.True(burned.ReplaceOriginal);
        Assert.Equal("The secret was burned.", burned.Text);
        Assert.Null(await SlackApp.RevealAsync(link, "guard phrase"));
        app.AssertNowhere("guarded-secret-3c3c", "guard phrase", "not the phrase");
    }
}
