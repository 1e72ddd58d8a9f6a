using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;

namespace OneTimeBot.Slack.Tests;

/// <summary>
/// The App Home tab and <c>recent</c>: a person's last links with what became of each, and Burn for those still
/// waiting, which needs the passphrase when one was set; notify on|off; and the workspace's default in the settings.
/// </summary>
public sealed class AppHomeTests
{
    [Fact]
    public async Task Opening_the_home_tab_publishes_the_persons_links_with_their_status_burn_for_those_waiting_and_the_share_buttons()
    {
        await using var app = await SlackApp.StartAsync();
        var opened = await ShareAsync(app, "Hm1-opened-home-secret-4b2c");
        await ShareAsync(app, "Hm1-waiting-home-secret-8d1e");
        await ShareAsync(app, "Hm1-someone-elses-secret-2a9f", user: "U0BOB");
        await SlackApp.RevealAsync(opened);

        await app.Requests.EventAsync(HomeOpened("Ev0HOME1"));
        var publish = (await app.Slack.WaitForCallsAsync("views.publish"))[0].Body;
        var view = publish["view"]!.AsObject();
        var text = string.Join('\n', Sections(view));

        Assert.Equal("Bearer " + SlackApp.BotToken, (await app.Slack.WaitForCallsAsync("views.publish"))[0].Authorization);
        Assert.Equal("U0ALICE", publish["user_id"]!.GetValue<string>());
        Assert.Equal("home", view["type"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.HomeViewViolations(view));
        Assert.Contains("Your recent links", text, StringComparison.Ordinal);
        Assert.Contains("👀 Opened", text, StringComparison.Ordinal);
        Assert.Contains("⏳ Not opened yet", text, StringComparison.Ordinal);
        Assert.Equal(2, Sections(view).Count(s => s.StartsWith("*🔒 Secret*", StringComparison.Ordinal)));
        Assert.Single(BurnButtons(view));
        Assert.Contains(ActionIds.OpenShareForm, AllActionIds(view));
        Assert.Contains(ActionIds.OpenGenerateForm, AllActionIds(view));
        Assert.Contains(ActionIds.OpenRequestForm, AllActionIds(view));
        Assert.Contains("\"channel\":\"D0ALICE\"", view["private_metadata"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain("/secret/", view.ToJsonString(), StringComparison.Ordinal);
        app.AssertNowhere("Hm1-opened-home-secret-4b2c", "Hm1-waiting-home-secret-8d1e");
    }

    [Fact]
    public async Task The_messages_tab_publishes_nothing()
    {
        await using var app = await SlackApp.StartAsync();

        await app.Requests.EventAsync(HomeOpened("Ev0MESSAGESTAB", tab: "messages"));
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Empty(app.Slack.CallsOf("views.publish"));
    }

    [Fact]
    public async Task Burn_on_the_home_tab_burns_the_link_and_publishes_the_tab_again_showing_it_burned()
    {
        await using var app = await SlackApp.StartAsync();
        var link = await ShareAsync(app, "Hm2-burned-from-home-7c3a");
        await app.Requests.EventAsync(HomeOpened("Ev0HOME2"));
        var home = (await app.Slack.WaitForCallsAsync("views.publish"))[0].Body["view"]!.AsObject();

        var ack = await app.Requests.InteractionAsync(HomeAction(home, BurnButtons(home).Single()));
        var after = (await app.Slack.WaitForCallsAsync("views.publish", 2))[1].Body["view"]!.AsObject();

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains(Sections(after), s => s.Contains("🔥 Burned", StringComparison.Ordinal));
        Assert.Empty(BurnButtons(after));
        Assert.Null(await SlackApp.RevealAsync(link));
        Assert.Empty(app.Slack.CallsOf("views.open"));
    }

    [Fact]
    public async Task Burn_on_the_home_tab_of_a_link_with_a_passphrase_asks_for_it_and_burns_only_with_the_right_one()
    {
        await using var app = await SlackApp.StartAsync();
        var link = await ShareWithPassphraseAsync(app, "Hm3-guarded-home-secret-1e5f", "Hm3 guard phrase 6a");
        await app.Requests.EventAsync(HomeOpened("Ev0HOME3"));
        var home = (await app.Slack.WaitForCallsAsync("views.publish"))[0].Body["view"]!.AsObject();

        await app.Requests.InteractionAsync(HomeAction(home, BurnButtons(home).Single()));
        var burnView = (await app.Slack.WaitForCallsAsync("views.open", 2))[1].Body["view"]!.AsObject();
        var wrong = await SlackApp.JsonAsync(await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(burnView, new Dictionary<string, JsonObject> { ["passphrase"] = SlackRequests.Typed("Hm3 not the phrase") })));
        var afterWrong = await app.Host.Services.GetRequiredService<RecentLinks>().ListAsync(new Actor(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), "U0ALICE"), default);
        var right = await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(burnView, new Dictionary<string, JsonObject> { ["passphrase"] = SlackRequests.Typed("Hm3 guard phrase 6a") }));
        var after = (await app.Slack.WaitForCallsAsync("views.publish", 2))[1].Body["view"]!.AsObject();

        Assert.Null(BurnButtons(home).Single()["confirm"]);
        Assert.Equal("home_burn_secret", burnView["callback_id"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(burnView));
        Assert.Contains("passphrase is not right", wrong["errors"]!["passphrase"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(SecretStatus.New, afterWrong.Links.Single().Status);
        Assert.Equal("", await right.Content.ReadAsStringAsync());
        Assert.Contains(Sections(after), s => s.Contains("🔥 Burned", StringComparison.Ordinal));
        Assert.Null(await SlackApp.RevealAsync(link, "Hm3 guard phrase 6a"));
        app.AssertNowhere("Hm3-guarded-home-secret-1e5f", "Hm3 guard phrase 6a", "Hm3 not the phrase");
    }

    [Fact]
    public async Task Recent_lists_the_links_privately_and_burn_on_that_list_replaces_it_with_the_link_burned()
    {
        await using var app = await SlackApp.StartAsync();
        var link = await ShareAsync(app, "Hm4-listed-secret-9b8c");

        var list = await app.AnswerAsync("recent");
        var listUrl = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.HomeBurn, BurnButtons(list).Single()["value"]!.GetValue<string>(), listUrl));
        var replaced = (await app.Slack.WaitForPostsAsync(listUrl))[0];
        var byBob = app.Slack.NewResponseUrl();
        await app.Requests.InteractionAsync(SlackRequests.BlockAction(ActionIds.HomeBurn, BurnButtons(list).Single()["value"]!.GetValue<string>(), byBob, user: "U0BOB"));
        var refusal = (await app.Slack.WaitForPostsAsync(byBob))[0];

        Assert.Equal("ephemeral", list["response_type"]!.GetValue<string>());
        Assert.StartsWith("Your recent links: Not opened yet", list["text"]!.GetValue<string>(), StringComparison.Ordinal);
        SlackApp.AssertWithinBlockKitLimits(list);
        Assert.True(replaced.ReplaceOriginal);
        Assert.Equal("Your recent links: Burned", replaced.Text);
        Assert.Null(await SlackApp.RevealAsync(link));
        Assert.False(refusal.ReplaceOriginal);
        Assert.Contains("Only the person who shared this link can burn it.", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notify_off_and_on_are_kept_and_said_back()
    {
        await using var app = await SlackApp.StartAsync();

        var off = await app.AnswerAsync("notify off");
        var asked = await app.AnswerAsync("notify");
        var on = await app.AnswerAsync("notify ON");
        var wrong = await app.AnswerAsync("notify sometimes");

        Assert.StartsWith("You won't get messages about your links any more.", off["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("You don't get messages about your links.", asked["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("You'll get a message when one of your links is opened", on["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("notify takes on or off.", wrong["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_turns_messages_about_links_off_for_the_workspace_in_the_settings_modal()
    {
        await using var app = await SlackApp.StartAsync();
        app.Slack.Admins.Add("U0ADMIN");

        await app.Requests.CommandAsync("config", app.Slack.NewResponseUrl(), user: "U0ADMIN");
        var view = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        var box = view["blocks"]!.AsArray().OfType<JsonObject>().Single(b => b["block_id"]?.GetValue<string>() == "notifyOwners");
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(view, new Dictionary<string, JsonObject>
        {
            ["backend"] = SlackRequests.Chosen("embedded"),
            ["defaultTtl"] = SlackRequests.Chosen("1d"),
            ["maxTtl"] = SlackRequests.Chosen("7d"),
            ["notifyOwners"] = new JsonObject { ["selected_options"] = new JsonArray() },
        }, user: "U0ADMIN"));
        var settings = await app.Host.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(new WorkspaceId(ChatPlatform.Slack, "T0ALPHA"), default);

        Assert.Equal("notifyOwners", box["element"]!["initial_options"]![0]!["value"]!.GetValue<string>());
        Assert.Empty(PublishedBlockKitLimits.ViewViolations(view));
        Assert.False(settings.NotifyOwners);
    }

    private static async Task<Uri> ShareAsync(SlackApp app, string secret, string user = "U0ALICE")
    {
        var card = await app.AnswerAsync("share " + secret, user: user);
        return SlackApp.LinkOn(card);
    }

    private static async Task<Uri> ShareWithPassphraseAsync(SlackApp app, string secret, string passphrase)
    {
        var commandUrl = app.Slack.NewResponseUrl();
        await app.Requests.CommandAsync("share", commandUrl);
        var shareView = (await app.Slack.WaitForCallsAsync("views.open"))[0].Body["view"]!.AsObject();
        await app.Requests.InteractionAsync(SlackRequests.ViewSubmission(shareView, new Dictionary<string, JsonObject>
        {
            ["secret"] = SlackRequests.Typed(secret),
            ["ttl"] = SlackRequests.Chosen("1h"),
            ["passphrase"] = SlackRequests.Typed(passphrase),
        }));
        return SlackApp.LinkOn((await app.Slack.WaitForPostsAsync(commandUrl))[0].Body);
    }

    /// <summary>Slack's <c>app_home_opened</c>, as it arrives when the person opens a tab of the app.</summary>
    private static JsonObject HomeOpened(string eventId, string tab = "home") => SlackRequests.Envelope(eventId, new JsonObject
    {
        ["type"] = "app_home_opened",
        ["user"] = "U0ALICE",
        ["channel"] = "D0ALICE",
        ["tab"] = tab,
        ["event_ts"] = "1700000000.000400",
    });

    /// <summary>A press of <paramref name="button"/> on the published home view: no channel and no response_url, the view instead.</summary>
    private static JsonObject HomeAction(JsonObject home, JsonObject button)
    {
        var payload = SlackRequests.BlockAction(button["action_id"]!.GetValue<string>(), button["value"]!.GetValue<string>(), responseUrl: null);
        payload.Remove("channel");
        payload.Remove("response_url");
        payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" };
        payload["view"] = new JsonObject
        {
            ["id"] = "V0HOME",
            ["type"] = "home",
            ["team_id"] = "T0ALPHA",
            ["app_installed_team_id"] = "T0ALPHA",
            ["private_metadata"] = home["private_metadata"]!.DeepClone(),
        };
        return payload;
    }

    /// <summary>The text of every section, header and context of a view, as Slack shows it.</summary>
    private static IEnumerable<string> Sections(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>()
            .SelectMany(b => (b["elements"]?.AsArray().OfType<JsonObject>() ?? []).Append(b))
            .Select(b => b["text"] is JsonObject text ? text["text"]?.GetValue<string>() : b["text"]?.GetValue<string>()).OfType<string>();

    private static List<JsonObject> BurnButtons(JsonObject view) =>
        [.. view["blocks"]!.AsArray().OfType<JsonObject>().Select(b => b["accessory"]).OfType<JsonObject>().Where(a => a["action_id"]?.GetValue<string>() == ActionIds.HomeBurn)];

    private static IEnumerable<string> AllActionIds(JsonObject view) =>
        view["blocks"]!.AsArray().OfType<JsonObject>()
            .SelectMany(b => (b["elements"]?.AsArray().OfType<JsonObject>() ?? []).Append(b["accessory"] as JsonObject ?? []))
            .Select(e => e["action_id"]?.GetValue<string>()).OfType<string>();
}
