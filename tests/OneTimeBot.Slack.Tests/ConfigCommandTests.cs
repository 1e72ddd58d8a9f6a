using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>/onetime config: the workspace settings modal, for admins and owners only.</summary>
public sealed class ConfigCommandTests
{
    private static readonly WorkspaceId Alpha = new(ChatPlatform.Slack, "T0ALPHA");

    [Fact]
    public async Task A_member_who_is_not_an_admin_gets_a_polite_private_refusal_and_no_modal()
    {
        await using var app = await SlackApp.StartAsync();

        var reply = await app.AnswerAsync("config", user: "U0MEMBER");

        Assert.Equal("ephemeral", reply["response_type"]!.GetValue<string>());
        Assert.Contains("Only workspace admins and owners", reply["text"]!.GetValue<string>(), StringComparison.Ordinal);
        // Asked about the member: their language, and whether they are an admin (never remembered: it may change).
        Assert.All(app.Slack.CallsOf("users.info"), c => Assert.Equal("U0MEMBER", c.Body["user"]!.GetValue<string>()));
        Assert.NotEmpty(app.Slack.CallsOf("users.info"));
        Assert.Empty(app.Slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task An_admin_changes_backend_account_token_and_expiries_and_the_token_is_stored_but_never_shown()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.Admins.Add("U0ADMIN");
        var responseUrl = app.Slack.NewResponseUrl();

        var opened = await app.Requests.CommandAsync("config", responseUrl, user: "U0ADMIN");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var submitted = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("eu"),
            ["username"] = SlackRequests.Typed("ops@alpha.example"),
            ["apiToken"] = SlackRequests.Typed("tok_alpha_9f8e7d6c5b4a"),
            ["defaultTtl"] = SlackRequests.Chosen("1d"),
            ["maxTtl"] = SlackRequests.Chosen("7d"),
        }, user: "U0ADMIN"));
        var saved = (await app.Slack.WaitForPostsAsync(responseUrl))[0];
        var settings = await app.Host.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(Alpha, default);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("workspace_config", view["callback_id"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.Contains("No token is set", view.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.Equal("", await submitted.Content.ReadAsStringAsync());
        Assert.Contains("settings for this workspace are saved", saved.Text, StringComparison.Ordinal);
        Assert.Equal(("eu", "ops@alpha.example", true, TimeSpan.FromDays(1), TimeSpan.FromDays(7)),
            (settings.Backend, settings.Username, settings.HasApiToken, settings.DefaultTtl, settings.MaxTtl));
        app.AssertNowhere("tok_alpha_9f8e7d6c5b4a");

        // Opened again, the modal says a token is set and offers to remove it, without showing it.
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        var again = (await app.Slack.WaitForCallsAsync("views.open", 2))[1].Body["view"]!.AsObject();
        Assert.Contains("A token is set", again.ToJsonString(SlackReply.WireOptions), StringComparison.Ordinal);
        Assert.Contains(again["blocks"]!.AsArray(), b => b?["block_id"]?.GetValue<string>() == "clearToken");
        Assert.Equal("eu", again["blocks"]!.AsArray().First(b => b?["block_id"]?.GetValue<string>() == "backend")!["element"]!["initial_option"]!["value"]!.GetValue<string>());
        app.AssertNowhere("tok_alpha_9f8e7d6c5b4a");
    }

    [Fact]
    public async Task A_default_expiry_longer_than_the_maximum_keeps_the_modal_open_with_the_error_beside_it()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.Admins.Add("U0ADMIN");
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("embedded"),
            ["defaultTtl"] = SlackRequests.Chosen("14d"),
            ["maxTtl"] = SlackRequests.Chosen("1d"),
        }, user: "U0ADMIN")));

        Assert.Equal("errors", answer["response_action"]!.GetValue<string>());
        Assert.Contains("default expiry", answer["errors"]!["defaultTtl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_server_needs_its_address_and_a_bad_one_is_explained_beside_the_field()
    {
        await using var app = await SlackApp.StartAsync(new Dictionary<string, string?> { ["OneTimeSecret:AllowedBackends:0"] = "secrets.example.com" });
        app.Slack.Admins.Add("U0ADMIN");
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();

        var missing = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
        }, user: "U0ADMIN")));
        var wrong = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("custom"),
            ["customUrl"] = SlackRequests.Typed("ftp://secrets.example.com"),
        }, user: "U0ADMIN")));

        Assert.Contains("address of your own server", missing["errors"]!["customUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("not usable", wrong["errors"]!["customUrl"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_submission_by_someone_who_is_no_longer_an_admin_is_refused()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.Admins.Add("U0ADMIN");
        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        app.Slack.Admins.Remove("U0ADMIN");

        var answer = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("us"),
        }, user: "U0ADMIN")));
        var settings = await app.Host.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(Alpha, default);

        Assert.Contains("Only workspace admins and owners", answer["errors"]!["backend"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("embedded", settings.Backend);
    }
}
