using System.Net;

namespace OneTimeBot.Teams.Tests;

/// <summary>The switch for the local Agents Playground: off by default, loud when on, and only for this machine.</summary>
public sealed class LocalDevelopmentModeTests
{
    [Fact]
    public async Task When_switched_on_a_loopback_request_without_a_token_is_answered_and_the_start_up_log_warns_loudly()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["Teams:AllowUnauthenticatedLocalDevelopment"] = "true" });

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/fetchTask", "shareSecret"), authorize: false));

        Assert.Equal("continue", answer["task"]!["type"]!.GetValue<string>());
        Assert.Contains(app.Host.Logs.Entries, e => e.FullText.Contains("AllowUnauthenticatedLocalDevelopment is ON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Even_when_switched_on_an_unauthenticated_activity_may_not_send_replies_off_this_machine()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["Teams:AllowUnauthenticatedLocalDevelopment"] = "true" });
        var activity = app.Activity("message", "generate");
        activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";

        var response = await app.SendAsync(activity, authorize: false);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task When_switched_on_a_request_that_does_carry_a_token_must_still_carry_a_valid_one()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?> { ["Teams:AllowUnauthenticatedLocalDevelopment"] = "true" });

        var response = await app.SendAsync(app.Invoke("composeExtension/fetchTask", "shareSecret"), token: "not.a.jwt");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
