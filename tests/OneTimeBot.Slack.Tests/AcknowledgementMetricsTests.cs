using OneTimeBot.Core.Telemetry;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// Slack requests are measured whenever something listens to the bot's metrics, including a listener that starts while
/// the host is already serving; with nothing listening they are answered the same.
/// </summary>
public sealed class AcknowledgementMetricsTests
{
    [Fact]
    public async Task A_command_is_answered_unmeasured_and_then_counted_once_a_listener_starts()
    {
        await using var app = await SlackApp.StartAsync();

        var unmeasured = await app.AnswerAsync("help");
        using var totals = new CounterTotals(app.Host.Services, BotTelemetry.Name);
        var measured = await app.AnswerAsync("help");

        Assert.Equal(unmeasured.ToJsonString(), measured.ToJsonString());
        Assert.Equal(1, totals.Total("onetimebot.requests", "kind=command"));
        Assert.Equal(1, totals.Total("onetimebot.requests", "outcome=ok"));
    }
}
