using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// Removing the app from a workspace forgets its people: the links the bot watched for them (with whom each went to),
/// the requests they made (with who asked whom) and their notify choices go with the installation.
/// </summary>
public sealed class UninstallPurgeTests
{
    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Removing_the_app_purges_the_workspaces_tracked_links_requests_and_notify_choices(string eventType)
    {
        await using var app = await SlackApp.StartAsync();
        await app.Requests.CommandAsync("share <@U0BOB|bob> Pf7-purged-at-uninstall-u8i9", app.Slack.NewResponseUrl());
        await app.Slack.WaitForDirectMessagesAsync("U0BOB");
        await app.Requests.CommandAsync("notify off", app.Slack.NewResponseUrl());
        await app.Requests.CommandAsync("request <@U0BOB|bob> the Up1-unique deploy key", app.Slack.NewResponseUrl());
        await app.Slack.WaitForDirectMessagesAsync("U0BOB", 2);
        await app.Host.Services.FollowUpsFinishedAsync();
        var before = Counts(app);
        var e = eventType == "app_uninstalled"
            ? new JsonObject { ["type"] = "app_uninstalled" }
            : new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("U0BOTUSER") } };

        await app.Requests.EventAsync(SlackRequests.Envelope("Ev0PURGE" + eventType.Length, e));
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal((1, 1, 1), before);
        Assert.Equal((0, 0, 0), Counts(app));
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        Assert.Contains("Purged slack:T0ALPHA, whose app was removed: 1 tracked links, 1 requests, 1 notification choices", app.Host.Logs.AllText, StringComparison.Ordinal);
        app.AssertNowhere("Pf7-purged-at-uninstall-u8i9");
    }

    [Fact]
    public async Task Revoking_only_user_tokens_purges_nothing()
    {
        await using var app = await SlackApp.StartAsync();
        await app.Requests.CommandAsync("notify off", app.Slack.NewResponseUrl());

        await app.Requests.EventAsync(SlackRequests.Envelope("Ev0USERTOKENS", new JsonObject
        {
            ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray("U0INSTALLER") },
        }));
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal(1, app.Host.RowsIn("bot_notify_preferences"));
    }

    private static (long Links, long Requests, long Choices) Counts(SlackApp app) =>
        (app.Host.RowsIn("bot_tracked_shares"), app.Host.RowsIn("bot_secret_requests"), app.Host.RowsIn("bot_notify_preferences"));
}
