using System.Net;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.Tests;
using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// A signed Slack request is acted on once. Someone who captured one (from a proxy's log, say) and replays it inside
/// Slack's five-minute window is refused, also when the host was killed or restarted in between: what was seen is
/// remembered in the store, not in the process, and stored before the request is answered.
/// </summary>
public sealed class ReplayAfterRestartTests
{
    private const string ShareCalls = "/api/v1/share";

    [Theory]
    [InlineData(DurableStore.Sqlite)]
    [InlineData(DurableStore.Redis)]
    public async Task A_captured_command_replayed_after_a_kill_9_or_a_graceful_restart_is_refused_and_makes_no_second_secret(string provider)
    {
        var signingSecret = OperatorSettings.NewSigningSecret();
        await using var store = await DurableStore.StartAsync(provider);
        await using var slack = await FakeSlackServer.StartAsync();
        await using var backend = await FakeOnetimeSecretServer.StartAsync();
        backend.On("GET", "/api/v1/status", FakeResponse.Json("""{"status":"nominal","locale":"en"}"""));
        backend.On("POST", ShareCalls, FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)));
        var settings = OperatorSettings.For(store, slack, signingSecret);
        settings["OneTimeSecret__Backend"] = backend.BaseUri.ToString();
        await using var bot = new BotProcess(settings);
        var beforeKill = CapturedCommand.Sign("share Rp4-captured-before-kill-" + Guid.NewGuid().ToString("N"), slack.NewResponseUrl(), "U0KILLED");
        var beforeStop = CapturedCommand.Sign("share Rp4-captured-before-stop-" + Guid.NewGuid().ToString("N"), slack.NewResponseUrl(), "U0STOPPED");
        // Signed with the others, first sent after both restarts: the control that the restarted host still serves.
        var firstSentLast = CapturedCommand.Sign("share Rp4-first-sent-after-restarts-" + Guid.NewGuid().ToString("N"), slack.NewResponseUrl(), "U0LAST");

        await bot.StartAsync();
        var shownBeforeKill = await beforeKill.ShowsCardAsync(bot, signingSecret, slack);
        await bot.KillAsync();
        await bot.StartAsync();
        var replayedAfterKill = await beforeKill.SendAsync(bot, signingSecret);
        var shownBeforeStop = await beforeStop.ShowsCardAsync(bot, signingSecret, slack);
        var exitCode = await bot.StopAsync();
        await bot.StartAsync();
        var replayedAfterStop = await beforeStop.SendAsync(bot, signingSecret);
        var replayedAfterBoth = await beforeKill.SendAsync(bot, signingSecret);
        var shownAfterBoth = await firstSentLast.ShowsCardAsync(bot, signingSecret, slack);

        Assert.True(shownBeforeKill);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedAfterKill);
        Assert.True(shownBeforeStop);
        Assert.Equal(0, exitCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedAfterStop);
        Assert.Equal(HttpStatusCode.Unauthorized, replayedAfterBoth);
        Assert.True(shownAfterBoth);
        // One secret for each command, none for a replay.
        Assert.Equal(3, backend.CountOf("POST", ShareCalls));
    }

    /// <summary>A slash command as it crossed the wire once: its bytes, timestamp and so its signature never change.</summary>
    private sealed record CapturedCommand(string Body, long Timestamp, Uri ResponseUrl)
    {
        private static readonly TimeSpan PostBudget = TimeSpan.FromSeconds(60);

        public static CapturedCommand Sign(string text, Uri responseUrl, string user) =>
            new(SlackRequests.CommandBody(text, responseUrl, user: user), DateTimeOffset.UtcNow.ToUnixTimeSeconds(), responseUrl);

        public async Task<HttpStatusCode> SendAsync(BotProcess bot, string signingSecret) => (await PostAsync(bot, signingSecret)).Status;

        /// <summary>Sends the command and waits until its card is shown: in the answer, or posted to its response_url.</summary>
        public async Task<bool> ShowsCardAsync(BotProcess bot, string signingSecret, FakeSlackServer slack)
        {
            var (status, answer) = await PostAsync(bot, signingSecret);
            return status == HttpStatusCode.OK &&
                   (ShownCard.IsLiveCard(answer) || ShownCard.IsLiveCard((await slack.WaitForPostsAsync(ResponseUrl, timeout: PostBudget))[0].Body));
        }

        private async Task<(HttpStatusCode Status, JsonObject? Answer)> PostAsync(BotProcess bot, string signingSecret)
        {
            using var response = await new SlackRequests(bot.Http, signingSecret).PostAsync("/slack/commands", Body, "application/x-www-form-urlencoded", timestamp: Timestamp);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body) as JsonObject : null);
        }
    }
}
