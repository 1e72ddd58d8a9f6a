using System.Net;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>With the state store gone, Slack's requests are not acted on, and never answered with a 500.</summary>
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
        await SlackApp.JsonAsync(await app.Requests.CommandAsync("help", null)); // connected and working first
        await redis.DisposeAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var command = await app.Requests.CommandAsync("share outage-secret-6e6e", app.Slack.NewResponseUrl());
        var commandTook = clock.Elapsed;
        var e = await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0OUTAGE", "generate"));

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        Assert.True(commandTook < TimeSpan.FromSeconds(3), $"answered after {commandTook.TotalMilliseconds:F0} ms, past Slack's 3 s");
        Assert.Contains("cannot reach its storage", await command.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        Assert.Empty(app.Slack.Calls);
        app.AssertNowhere("outage-secret-6e6e");
    }
}
