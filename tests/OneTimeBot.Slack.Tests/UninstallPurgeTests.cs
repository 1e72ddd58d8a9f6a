using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Storage;
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
        Assert.Equal(0, app.Host.RowsIn("bot_pending_purges"));
        Assert.Contains("Purged slack:T0ALPHA, whose app was removed: 1 tracked links, 1 requests, 1 notification choices", app.Host.Logs.AllText, StringComparison.Ordinal);
        app.AssertNowhere("Pf7-purged-at-uninstall-u8i9");
    }

    [Fact]
    public async Task Removing_an_org_wide_install_purges_every_workspace_of_the_org_that_used_it_and_no_other()
    {
        await using var app = await SlackApp.StartAsync();
        foreach (var (team, enterprise) in new[] { ("T0GRIDONE", "E0GRID"), ("T0GRIDTWO", "E0GRID"), ("T0ALONE", null) })
        {
            await app.Requests.PostAsync("/slack/commands", SlackRequests.CommandBody("notify off", app.Slack.NewResponseUrl(), team: team, enterprise: enterprise), "application/x-www-form-urlencoded");
            await app.Requests.PostAsync("/slack/commands", SlackRequests.CommandBody("generate 1h", app.Slack.NewResponseUrl(), team: team, enterprise: enterprise), "application/x-www-form-urlencoded");
        }

        await app.Requests.PostAsync("/slack/commands", SlackRequests.CommandBody("request <@U0BOB|bob> the Up2-unique org key", app.Slack.NewResponseUrl(), team: "T0GRIDTWO", enterprise: "E0GRID"), "application/x-www-form-urlencoded");
        await app.Slack.WaitForDirectMessagesAsync("U0BOB");
        await app.Host.Services.FollowUpsFinishedAsync();
        var before = Counts(app);
        var e = SlackRequests.Envelope("Ev0ORGPURGE", new JsonObject { ["type"] = "app_uninstalled" }, team: "T0GRIDONE");
        e["enterprise_id"] = "E0GRID";
        e["is_enterprise_install"] = true;

        await app.Requests.EventAsync(e);
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal((3, 1, 3), before);
        Assert.Equal((1, 0, 1), Counts(app));
        Assert.Equal("slack:T0ALONE", app.Host.Sql("SELECT workspace FROM bot_tracked_shares"));
        Assert.Equal("slack:T0ALONE", app.Host.Sql("SELECT workspace FROM bot_notify_preferences"));
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

    [Fact]
    public async Task A_retry_of_a_removal_already_handled_arriving_after_the_app_was_installed_again_keeps_the_link_made_since()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await SlackAppClock.StartAsync(clock);
        var removal = SlackRequests.Envelope("Ev0RETRIEDREMOVAL", new JsonObject { ["type"] = "app_uninstalled" });
        await app.Requests.EventAsync(removal);
        await app.Host.Services.FollowUpsFinishedAsync();
        var afterRemoval = app.Host.RowsIn("bot_pending_purges");

        clock.Advance(TimeSpan.FromMinutes(2));
        await app.Requests.CommandAsync("share <@U0BOB|bob> Pf7-made-after-reinstall-r3t9", app.Slack.NewResponseUrl());
        await app.Slack.WaitForDirectMessagesAsync("U0BOB");
        clock.Advance(TimeSpan.FromMinutes(3));
        var retried = await app.Requests.EventAsync(removal, retryNum: 1);
        await app.Host.Services.FollowUpsFinishedAsync();
        // What a cleaner's pass on any replica would do next.
        await app.Host.Services.GetRequiredService<WorkspacePurge>().PurgeOwedAsync(default);

        Assert.Equal(0, afterRemoval);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(0, app.Host.RowsIn("bot_pending_purges"));
        Assert.Equal(1, app.Host.RowsIn("bot_tracked_shares"));
    }

    private static (long Links, long Requests, long Choices) Counts(SlackApp app) =>
        (app.Host.RowsIn("bot_tracked_shares"), app.Host.RowsIn("bot_secret_requests"), app.Host.RowsIn("bot_notify_preferences"));
}
