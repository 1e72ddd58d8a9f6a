using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>Installing into many workspaces with OAuth v2, each request then using its own team's bot token.</summary>
public sealed class OAuthInstallTests
{
    internal const string InstalledToken = "xoxb-3333-4444-installedbetatoken";

    // The purpose the app protects its OAuth state cookie under, to make the cookie a browser would bring back late.
    private const string StatePurpose = "OneTimeBot.Slack.OAuthState.v1";

    internal static FakeResponse Access(string team, string token = InstalledToken, bool orgWide = false) => FakeResponse.Json(new JsonObject
    {
        ["ok"] = true,
        ["access_token"] = token,
        ["token_type"] = "bot",
        ["scope"] = "commands,chat:write,im:history,im:write,users:read",
        ["bot_user_id"] = "U0BOTUSER",
        ["app_id"] = "A0ONETIME",
        ["team"] = orgWide ? null : new JsonObject { ["name"] = "Beta Corp", ["id"] = team },
        ["enterprise"] = orgWide ? new JsonObject { ["name"] = "Beta Grid", ["id"] = "E0BETA" } : null,
        ["is_enterprise_install"] = orgWide,
        ["authed_user"] = new JsonObject { ["id"] = "U0INSTALLER" },
    }.ToJsonString());

    internal static async Task<(string State, string Cookie, Uri Authorize)> StartInstallAsync(SlackApp app)
    {
        var start = await app.Http.GetAsync(new Uri("/slack/install", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var cookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SlackInstall.StateCookie + "=", StringComparison.Ordinal));
        return (query["state"].ToString(), cookie.Split(';')[0], authorize);
    }

    internal static Task<HttpResponseMessage> RedirectAsync(SlackApp app, string state, string? cookie, string code = "4724469134.4644010092847.232b46ed7474")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth_redirect?code={code}&state={Uri.EscapeDataString(state)}");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return app.Http.SendAsync(request);
    }

    [Fact]
    public async Task Install_sends_the_browser_to_slack_with_the_bot_scopes_and_a_state_bound_to_an_httponly_cookie()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);

        var start = await app.Http.GetAsync(new Uri("/slack/install", UriKind.Relative));
        var authorize = start.Headers.Location!;
        var query = QueryHelpers.ParseQuery(authorize.Query);
        var cookie = start.Headers.GetValues("Set-Cookie").Single();

        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.Equal("/oauth/v2/authorize", authorize.AbsolutePath);
        Assert.Equal("1111.2222", query["client_id"].ToString());
        Assert.Equal("commands,chat:write,im:history,im:write,users:read", query["scope"].ToString());
        Assert.Equal($"http://127.0.0.1:{app.Host.Port}/slack/oauth_redirect", query["redirect_uri"].ToString());
        Assert.True(query["state"].ToString().Length >= 40);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/slack", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(query["state"].ToString(), cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finishing_the_install_stores_the_team_and_its_bot_token_which_then_answers_that_teams_requests()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("T0BETA"));
        var (state, cookie, _) = await StartInstallAsync(app);

        var finished = await RedirectAsync(app, state, cookie);
        var page = await finished.Content.ReadAsStringAsync();
        var exchange = app.Slack.CallsOf("oauth.v2.access").Single();
        var installation = await app.Host.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(SlackInstallation.TeamKey("T0BETA"), default);
        await app.Requests.CommandAsync("share", app.Slack.NewResponseUrl(), team: "T0BETA");
        var open = (await app.Slack.WaitForCallsAsync("views.open"))[0];

        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Contains("OneTimeBot is now installed in Beta Corp", page, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String("1111.2222:oauth-client-secret-value"u8.ToArray()), exchange.Authorization);
        Assert.Equal("4724469134.4644010092847.232b46ed7474", exchange.Body["code"]!.GetValue<string>());
        Assert.Equal(("T0BETA", "U0BOTUSER", "B0BOT", "U0INSTALLER", false), (installation!.TeamId, installation.BotUserId, installation.BotId, installation.InstallerUserId, installation.IsEnterpriseInstall));
        Assert.DoesNotContain(InstalledToken, installation.ProtectedBotToken, StringComparison.Ordinal);
        Assert.Equal("Bearer " + InstalledToken, open.Authorization);
        Assert.DoesNotContain(InstalledToken, app.Host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_org_wide_install_answers_every_workspace_of_the_org()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("", orgWide: true));
        var (state, cookie, _) = await StartInstallAsync(app);

        await RedirectAsync(app, state, cookie);
        var body = SlackRequests.CommandBody("share", app.Slack.NewResponseUrl(), team: "T0GRIDMEMBER", enterprise: "E0BETA");
        await app.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded");
        var open = (await app.Slack.WaitForCallsAsync("views.open"))[0];

        Assert.Equal("Bearer " + InstalledToken, open.Authorization);
    }

    [Fact]
    public async Task A_redirect_without_the_browsers_cookie_with_another_state_or_used_twice_is_refused_and_installs_nothing()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("T0BETA"));
        var (state, cookie, _) = await StartInstallAsync(app);
        var (otherState, _, _) = await StartInstallAsync(app);

        var noCookie = await RedirectAsync(app, state, null);
        var wrongState = await RedirectAsync(app, otherState, cookie);
        var tampered = await RedirectAsync(app, state, cookie[..^4] + "AAAA");
        Assert.Empty(app.Slack.CallsOf("oauth.v2.access"));
        var genuine = await RedirectAsync(app, state, cookie);
        var again = await RedirectAsync(app, state, cookie, code: "4724469134.second");

        Assert.Equal(HttpStatusCode.BadRequest, noCookie.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongState.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This install link has expired", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(app.Slack.CallsOf("oauth.v2.access"));
    }

    [Fact]
    public async Task A_state_is_good_for_ten_minutes_and_a_redirect_after_that_is_refused_and_installs_nothing()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("T0BETA"));
        var startedAfter = DateTimeOffset.UtcNow;
        var (state, cookie, _) = await StartInstallAsync(app);
        var startedBefore = DateTimeOffset.UtcNow;
        var stateCookies = app.Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(StatePurpose).ToTimeLimitedDataProtector();

        var carried = stateCookies.Unprotect(cookie[(SlackInstall.StateCookie.Length + 1)..], out var expires);
        // The same browser with the same state, its cookie's time run out, as Slack would send it back after the ten minutes.
        var lateCookie = $"{SlackInstall.StateCookie}={stateCookies.Protect(state, DateTimeOffset.UtcNow.AddSeconds(-1))}";
        var late = await RedirectAsync(app, state, lateCookie);

        Assert.Equal(state, carried);
        Assert.InRange(expires, startedAfter.AddMinutes(10).AddSeconds(-1), startedBefore.AddMinutes(10).AddSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("This install link has expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("oauth.v2.access"));
        Assert.Null(await app.Host.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(SlackInstallation.TeamKey("T0BETA"), default));
    }

    [Fact]
    public async Task A_user_who_cancels_on_slack_sees_that_nothing_was_installed()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        var (state, cookie, _) = await StartInstallAsync(app);

        var cancelled = await app.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/slack/oauth_redirect?error=access_denied&state={state}") { Headers = { { "Cookie", cookie } } });

        Assert.Contains("Installation cancelled", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("oauth.v2.access"));
    }

    [Theory]
    [InlineData("app_uninstalled")]
    [InlineData("tokens_revoked")]
    public async Task Uninstalling_or_revoking_the_bot_token_deletes_the_installation_and_the_team_is_told_it_is_not_installed(string eventType)
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("T0BETA"));
        var (state, cookie, _) = await StartInstallAsync(app);
        await RedirectAsync(app, state, cookie);
        var e = eventType == "app_uninstalled"
            ? new JsonObject { ["type"] = "app_uninstalled" }
            : new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = new JsonObject { ["oauth"] = new JsonArray(), ["bot"] = new JsonArray("U0BOTUSER") } };

        var removed = await app.Requests.EventAsync(SlackRequests.Envelope("Ev0REMOVED", e, team: "T0BETA"));
        var store = app.Host.Services.GetRequiredService<ISlackInstallationStore>();
        await app.Host.Services.FollowUpsFinishedAsync();

        var reply = await app.AnswerAsync("share", team: "T0BETA");

        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await store.FindAsync(SlackInstallation.TeamKey("T0BETA"), default));
        Assert.Contains("not installed in this workspace any more", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task Uninstalling_an_org_wide_install_deletes_it_and_every_workspace_of_the_org_is_told_it_is_not_installed()
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("", orgWide: true));
        var (state, cookie, _) = await StartInstallAsync(app);
        await RedirectAsync(app, state, cookie);
        var store = app.Host.Services.GetRequiredService<ISlackInstallationStore>();
        var installed = await store.FindAsync(SlackInstallation.EnterpriseKey("E0BETA"), default);
        var e = SlackRequests.Envelope("Ev0ORGREMOVED", new JsonObject { ["type"] = "app_uninstalled" }, team: "T0GRIDMEMBER");
        e["enterprise_id"] = "E0BETA";
        e["is_enterprise_install"] = true;
        e["authorizations"]![0]!["enterprise_id"] = "E0BETA";
        e["authorizations"]![0]!["is_enterprise_install"] = true;

        var removed = await app.Requests.EventAsync(e);
        await app.Host.Services.FollowUpsFinishedAsync();
        var body = SlackRequests.CommandBody("share", app.Slack.NewResponseUrl(), team: "T0GRIDMEMBER", enterprise: "E0BETA");
        var reply = await SlackApp.JsonAsync(await app.Requests.PostAsync("/slack/commands", body, "application/x-www-form-urlencoded"));

        Assert.NotNull(installed);
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Null(await store.FindAsync(SlackInstallation.EnterpriseKey("E0BETA"), default));
        Assert.Contains("not installed in this workspace any more", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(app.Slack.CallsOf("views.open"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Revoking_only_user_tokens_keeps_the_installation_and_the_bot_still_answers(bool emptyBotList)
    {
        await using var app = await SlackApp.StartAsync(oauth: true);
        app.Slack.On("oauth.v2.access", Access("T0BETA"));
        var (state, cookie, _) = await StartInstallAsync(app);
        await RedirectAsync(app, state, cookie);
        var tokens = new JsonObject { ["oauth"] = new JsonArray("U0INSTALLER") };
        if (emptyBotList)
        {
            tokens["bot"] = new JsonArray();
        }

        var revoked = await app.Requests.EventAsync(SlackRequests.Envelope("Ev0USERREVOKED", new JsonObject { ["type"] = "tokens_revoked", ["tokens"] = tokens }, team: "T0BETA"));
        await app.Host.Services.FollowUpsFinishedAsync();
        await app.Requests.CommandAsync("share", app.Slack.NewResponseUrl(), team: "T0BETA");
        var open = (await app.Slack.WaitForCallsAsync("views.open"))[0];

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotNull(await app.Host.Services.GetRequiredService<ISlackInstallationStore>().FindAsync(SlackInstallation.TeamKey("T0BETA"), default));
        Assert.Equal("Bearer " + InstalledToken, open.Authorization);
    }

    [Fact]
    public async Task A_single_workspace_app_offers_no_install_page()
    {
        await using var app = await SlackApp.StartAsync();

        var start = await app.Http.GetAsync(new Uri("/slack/install", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, start.StatusCode);
        Assert.Contains("Install is not offered here", await start.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
