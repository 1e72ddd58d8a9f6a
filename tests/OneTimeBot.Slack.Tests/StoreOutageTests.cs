using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>With the state store gone, Slack's requests are not acted on, and never answered with a 500; when it is back, they work again.</summary>
public sealed class StoreOutageTests
{
    [Fact]
    public async Task With_redis_down_a_command_gets_a_private_explanation_and_an_event_a_503_so_slack_retries_it()
    {
        var redis = await RedisServer.StartAsync();
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "outage:",
        });
        await app.AnswerAsync("help"); // connected and working first
        var callsBefore = app.Slack.Calls.Count;
        await redis.DisposeAsync();

        var command = await app.Requests.CommandAsync("share outage-secret-6e6e", app.Slack.NewResponseUrl());
        var e = await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0OUTAGE", "generate"));

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        // Inside Slack's 3 s because the store's absence is reported at once (a connection error), not waited out for
        // the store's 5 s timeout: that would have been a RedisTimeoutException.
        Assert.Contains("RedisConnectionException", app.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("RedisTimeoutException", app.Host.Logs.AllText, StringComparison.Ordinal);
        Assert.Contains("cannot reach its storage", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Equal(callsBefore, app.Slack.Calls.Count);
        app.AssertNowhere("outage-secret-6e6e");
    }

    [Fact]
    public async Task When_redis_restarts_mid_run_commands_are_refused_clearly_then_work_again_and_nothing_is_lost_or_stored_twice()
    {
        await using var redis = await RedisServer.StartAsync(persistent: true);
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "restart:",
        });
        var before = await app.AnswerAsync("share before-restart-1a1a1a");
        Assert.StartsWith("One-time link", before["text"]!.GetValue<string>(), StringComparison.Ordinal);

        await redis.StopAsync();
        var during = await app.Requests.CommandAsync("share during-restart-2b2b2b", app.Slack.NewResponseUrl());
        Assert.Contains("cannot reach its storage", await during.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await redis.StartAgainAsync();

        // The connection comes back on its own; until it has, each try gets the same clear answer and stores nothing.
        // 60 s is a safety net for a loaded machine: the loop ends as soon as a share works.
        JsonObject? after = null;
        var refusedWhileReconnecting = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (after is null && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var reply = await app.AnswerAsync($"share after-restart-3c3c3c-{refusedWhileReconnecting}");
            if (reply["text"]!.GetValue<string>().StartsWith("One-time link", StringComparison.Ordinal))
            {
                after = reply;
            }
            else
            {
                Assert.Contains("cannot reach its storage", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
                refusedWhileReconnecting++;
                await Task.Delay(200);
            }
        }

        Assert.NotNull(after);
        // The card made before the restart still works: its receipt outlived the restart.
        var cardUrl = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.CheckStatus, SlackApp.ButtonValue(before, ActionIds.CheckStatus), cardUrl));
        var status = (await app.Slack.WaitForPostsAsync(cardUrl))[0];
        Assert.Equal(SlackApp.LinkOn(before), SlackApp.LinkOn(status.Body));
        // One receipt and one secret for each card, none for the refused tries.
        Assert.Equal(2, await KeysAsync(redis, "restart:receipt:*"));
        Assert.Equal(2, await KeysAsync(redis, "restart:ots:secret:*"));
        app.AssertNowhere("before-restart-1a1a1a", "during-restart-2b2b2b", "after-restart-3c3c3c");
    }

    private static async Task<int> KeysAsync(RedisServer redis, string pattern)
    {
        var reply = await redis.CommandAsync("KEYS", pattern);
        Assert.StartsWith("*", reply, StringComparison.Ordinal);
        return int.Parse(reply[1..reply.IndexOf('\r', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
