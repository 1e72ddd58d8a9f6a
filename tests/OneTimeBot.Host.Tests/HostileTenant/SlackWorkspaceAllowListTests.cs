using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Tests;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// <c>Slack:AllowedTeams</c> and <c>Slack:AllowedEnterprises</c>. In multi-workspace mode anyone can create a workspace
/// and install the app; with the lists set, a workspace that is not listed gets a private refusal for every command,
/// button and form, its events are dropped, its install is refused and its token given back, and nothing it sends
/// reaches the secret service or the stores.
/// </summary>
public sealed class SlackWorkspaceAllowListTests
{
    private const string Refusal = "This OneTimeBot is not available to this workspace.";
    private static readonly Dictionary<string, string?> OnlyAlpha = new() { ["Slack:AllowedTeams:0"] = "T0ALPHA" };

    [Theory]
    [InlineData("share evil-4b1c-secret")]
    [InlineData("share")]
    [InlineData("generate 1h 20")]
    [InlineData("config")]
    public async Task A_command_from_a_team_not_allowed_gets_the_refusal_and_nothing_is_shared_opened_or_stored(string text)
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha);
        var responseUrl = app.Slack.NewResponseUrl();

        var refused = await SlackApp.JsonAsync(await app.Requests.CommandAsync(text, responseUrl, team: "T0EVIL"));
        // Before the allowed workspace's command, which rightly asks Slack for its user's language.
        Assert.Empty(app.Slack.Calls);
        var allowed = await app.AnswerAsync("share alpha-4b1c-secret", team: "T0ALPHA");

        Assert.Equal("ephemeral", refused["response_type"]!.GetValue<string>());
        Assert.StartsWith(Refusal, refused["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        Assert.Empty(app.Slack.PostsTo(responseUrl));
        // Last: revealing the allowed link rightly DMs its sender that it was opened, a Slack call of its own.
        Assert.Equal("alpha-4b1c-secret", await SlackApp.RevealAsync(SlackApp.LinkOn(allowed)));
    }

    [Theory]
    [InlineData("E0GRID", true)]
    [InlineData("E0OTHER", false)]
    [InlineData(null, false)]
    public async Task With_an_allowed_enterprise_any_of_its_workspaces_is_served_and_no_other(string? enterprise, bool served)
    {
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["Slack:AllowedEnterprises:0"] = "E0GRID" });
        var body = SlackRequests.CommandBody("share grid-4b1c-secret", app.Slack.NewResponseUrl(), team: "T0GRIDMEMBER", enterprise: enterprise);

        var reply = await SlackApp.JsonAsync(await app.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.Equal(served, !reply["text"]!.GetValue<string>().StartsWith(Refusal, StringComparison.Ordinal));
        Assert.Equal(served ? 1 : 0, app.Host.RowsIn("bot_receipts"));
    }

    [Theory]
    [InlineData("T0EVIL", "T0EVIL")]
    [InlineData("T0ALPHA", "T0EVIL")]
    public async Task A_button_from_a_team_not_allowed_opens_nothing_and_is_refused_through_its_response_url(string team, string userTeam)
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha);
        var responseUrl = app.Slack.NewResponseUrl();
        var press = SlackRequests.BlockAction(ActionIds.OpenShareForm, "open", responseUrl, team: team);
        // A user of another workspace (a shared channel, say) pressing in an allowed one is not served either.
        press["user"]!["team_id"] = userTeam;

        var ack = await app.Requests.InteractionAsync(press);
        var refusal = (await app.Slack.WaitForPostsAsync(responseUrl))[0];

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.StartsWith(Refusal, refusal.Text, StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task A_form_submitted_from_a_team_not_allowed_shows_the_refusal_in_the_form_and_shares_nothing()
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha);
        await app.Requests.CommandAsync("share", app.Slack.NewResponseUrl(), team: "T0ALPHA");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed("form-4b1c-secret"),
        }, team: "T0EVIL")));

        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.StartsWith(Refusal, answer["errors"]!["secret"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
    }

    [Fact]
    public async Task A_dm_from_a_team_not_allowed_is_dropped_unanswered_and_its_event_is_not_even_recorded()
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha);

        var dropped = await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0EVILDM", "generate 1h", team: "T0EVIL"));
        await app.Requests.EventAsync(SlackRequests.MessageEvent("Ev0ALPHADM", "generate 1h", team: "T0ALPHA"));
        var answered = await app.Slack.WaitForCallsAsync("chat.postMessage");

        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        Assert.Single(answered);
        Assert.Equal(1, app.Host.RowsIn("bot_receipts"));
        Assert.Equal(0L, app.Host.Sql("SELECT COUNT(*) FROM bot_events WHERE event_key = 'slack-event:Ev0EVILDM'"));
        Assert.Contains("Refused a Slack event message from team T0EVIL", app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_install_into_a_workspace_or_org_not_allowed_is_refused_stores_nothing_and_gives_the_token_back(bool orgWide)
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha, oauth: true);
        app.Slack.On("oauth.v2.access", OAuthInstallTests.Access("T0BETA", orgWide: orgWide));
        var (state, cookie, _) = await OAuthInstallTests.StartInstallAsync(app);

        var finished = await OAuthInstallTests.RedirectAsync(app, state, cookie);
        var page = await finished.Content.ReadAsStringAsync();
        var reply = await app.AnswerAsync("share", team: "T0BETA");

        Assert.Equal(HttpStatusCode.Forbidden, finished.StatusCode);
        Assert.Contains("OneTimeBot is not available to this workspace", page, StringComparison.Ordinal);
        Assert.Equal("Bearer " + OAuthInstallTests.InstalledToken, app.Slack.CallsOf("auth.revoke").Single().Authorization);
        Assert.Null(await app.Host.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(orgWide ? SlackInstallation.EnterpriseKey("E0BETA") : SlackInstallation.TeamKey("T0BETA"), default));
        Assert.StartsWith(Refusal, reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(OAuthInstallTests.InstalledToken, app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_install_into_an_allowed_workspace_still_works()
    {
        await using var app = await SlackApp.StartAsync(OnlyAlpha, oauth: true);
        app.Slack.On("oauth.v2.access", OAuthInstallTests.Access("T0ALPHA"));
        var (state, cookie, _) = await OAuthInstallTests.StartInstallAsync(app);

        var finished = await OAuthInstallTests.RedirectAsync(app, state, cookie);

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Empty(app.Slack.CallsOf("auth.revoke"));
        Assert.NotNull(await app.Host.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(SlackInstallation.TeamKey("T0ALPHA"), default));
    }
}
