using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// <c>recent</c> and <c>notify</c> in the chat with the bot: the person's last links with what became of each, Burn
/// under those still waiting (asking for the passphrase in the card when one was set), and messages turned off and on.
/// </summary>
public sealed class RecentLinksChatTests
{
    private static readonly System.Text.Json.JsonSerializerOptions Wire = OneTimeBot.Teams.Activities.TeamsJson.Options;

    [Fact]
    public async Task Recent_lists_the_persons_links_and_burn_on_it_updates_the_card_to_show_the_link_burned()
    {
        await using var app = await TeamsApp.StartAsync();
        var link = await ShareAsync(app, "Tr1-burned-from-recent-3c9d");

        await app.SendAsync(app.Activity("message", "recent"));
        var list = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        var burn = Burns(list).Single();
        await app.SendAsync(app.Activity("message", value: burn["data"]!.DeepClone(), replyToId: "recent-card-1"));
        var updated = (await app.BotFramework.WaitForCallsAsync(3))[2];

        Assert.Equal("🗂️ Your recent links", TeamsApp.TitleOf(list));
        Assert.Equal("Action.Submit", burn["type"]!.GetValue<string>());
        Assert.Equal("recentBurn", burn["data"]!["action"]!.GetValue<string>());
        Assert.Equal("PUT", updated.Method);
        Assert.EndsWith("/activities/recent-card-1", updated.Path, StringComparison.Ordinal);
        Assert.Contains(Texts(updated.Card!), t => t.StartsWith("🔥 Burned", StringComparison.Ordinal));
        Assert.Empty(Burns(updated.Card!));
        Assert.Null(await TeamsApp.RevealAsync(link));
        app.AssertNowhere("Tr1-burned-from-recent-3c9d");
    }

    [Fact]
    public async Task Burn_on_recent_of_a_link_with_a_passphrase_asks_for_it_in_the_card_and_a_wrong_one_is_said_above_the_list()
    {
        await using var app = await TeamsApp.StartAsync();
        var link = await ShareAsync(app, "Tr2-guarded-recent-secret-7a1b", passphrase: "Tr2 guard phrase 5e");

        await app.SendAsync(app.Activity("message", "recent"));
        var list = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        var show = Burns(list).Single();
        var inner = show["card"]!.AsObject();
        var input = inner["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]!.GetValue<string>() == "Input.Text");
        var submit = inner["actions"]!.AsArray().OfType<JsonObject>().Single();
        var id = input["id"]!.GetValue<string>();
        await app.SendAsync(app.Activity("message", value: With(submit["data"]!.AsObject(), id, "Tr2 not the phrase"), replyToId: "recent-card-2"));
        var refused = (await app.BotFramework.WaitForCallsAsync(3))[2];
        await app.SendAsync(app.Activity("message", value: With(submit["data"]!.AsObject(), id, "Tr2 guard phrase 5e"), replyToId: "recent-card-2"));
        var burned = (await app.BotFramework.WaitForCallsAsync(4))[3];

        Assert.Equal("Action.ShowCard", show["type"]!.GetValue<string>());
        Assert.Equal("Password", input["style"]!.GetValue<string>());
        Assert.Equal("PUT", refused.Method);
        Assert.Contains("⚠️ That passphrase is not right.", Texts(refused.Card!));
        Assert.Single(Burns(refused.Card!));
        Assert.Contains(Texts(burned.Card!), t => t.StartsWith("🔥 Burned", StringComparison.Ordinal));
        Assert.Null(await TeamsApp.RevealAsync(link, "Tr2 guard phrase 5e"));
        app.AssertNowhere("Tr2-guarded-recent-secret-7a1b", "Tr2 guard phrase 5e", "Tr2 not the phrase");
    }

    [Fact]
    public async Task A_burn_pressed_without_the_passphrase_it_needs_is_refused_and_the_link_lives_on()
    {
        await using var app = await TeamsApp.StartAsync();
        var link = await ShareAsync(app, "Tr3-needs-a-phrase-secret-2d4f", passphrase: "Tr3 guard phrase 8c");

        await app.SendAsync(app.Activity("message", "recent"));
        var list = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        var data = Burns(list).Single()["card"]!["actions"]![0]!["data"]!.DeepClone();
        await app.SendAsync(app.Activity("message", value: data, replyToId: "recent-card-3"));
        var refused = (await app.BotFramework.WaitForCallsAsync(3))[2];

        Assert.Contains("⚠️ This secret has a passphrase, so burning it needs the passphrase too.", Texts(refused.Card!));
        Assert.Equal("Tr3-needs-a-phrase-secret-2d4f", await TeamsApp.RevealAsync(link, "Tr3 guard phrase 8c"));
    }

    [Fact]
    public async Task Notify_off_and_on_are_kept_and_said_back()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "notify off"));
        var off = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", "notify"));
        var asked = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;

        Assert.StartsWith("You won't get messages about your links any more.", off["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("You don't get messages about your links.", asked["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_turns_messages_about_links_off_for_the_organisation_on_the_settings_card()
    {
        const string admin = "ad000000-0000-4000-8000-0000000000ad";
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "config", fromAad: admin));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        var toggle = form["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == "notifyOwners");
        // What Teams sends for Save: the button's data and every input's value, the toggle turned off.
        var submit = form["actions"]!.AsArray().Single()!["data"]!.AsObject().DeepClone().AsObject();
        foreach (var input in form["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null && e["value"] is not null))
        {
            submit[input["id"]!.GetValue<string>()] = input["value"]!.DeepClone();
        }

        submit["notifyOwners"] = "false";
        await app.SendAsync(app.Activity("message", fromAad: admin, value: submit));
        var saved = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        await app.SendAsync(app.Activity("message", "notify"));
        var asked = (await app.BotFramework.WaitForCallsAsync(3))[2].Card!;

        Assert.Equal(("Input.Toggle", "true"), (toggle["type"]!.GetValue<string>(), toggle["value"]!.GetValue<string>()));
        Assert.Contains("off, unless a person turned them on", saved.ToJsonString(Wire), StringComparison.Ordinal);
        Assert.StartsWith("You don't get messages about your links.", asked["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_recent_card_offers_share_generate_and_request_and_request_opens_its_form()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "recent"));
        var list = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        var rows = list["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "ActionSet").Select(e => e["actions"]!.AsArray()).Append(list["actions"]!.AsArray());
        var verbs = rows.SelectMany(row => row.Select(a => a!["data"]!["action"]!.GetValue<string>())).ToList();
        await app.SendAsync(app.Activity("message", value: list["actions"]!.AsArray().Last()!["data"]!.DeepClone()));
        var form = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;

        Assert.Equal(["openShareForm", "openGenerateForm", "openRequestForm"], verbs);
        Assert.Equal("Ask someone for a secret", form["fallbackText"]!.GetValue<string>());
    }

    private static async Task<Uri> ShareAsync(TeamsApp app, string secret, string passphrase = "")
    {
        await app.SendAsync(app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = secret, ["ttl"] = "4h", ["passphrase"] = passphrase, ["recipient"] = "",
        }));
        return TeamsApp.LinkOn((await app.BotFramework.WaitForCallsAsync(1))[0].Card!);
    }

    private static JsonObject With(JsonObject data, string input, string value)
    {
        TestRunLedger.Note(LedgerKind.Passphrase, value);
        var submitted = data.DeepClone().AsObject();
        submitted[input] = value;
        return submitted;
    }

    /// <summary>Each Burn of the card: an Action.Submit, or an Action.ShowCard that asks for the passphrase first.</summary>
    private static List<JsonObject> Burns(JsonObject card) =>
        [.. Containers(card).SelectMany(c => c["items"]!.AsArray().OfType<JsonObject>())
            .Where(i => i["type"]!.GetValue<string>() == "ActionSet")
            .SelectMany(s => s["actions"]!.AsArray().OfType<JsonObject>())];

    private static IEnumerable<JsonObject> Containers(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "Container");

    /// <summary>Every TextBlock of the card, in its containers too.</summary>
    private static List<string> Texts(JsonObject card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>()
            .SelectMany(e => e["type"]!.GetValue<string>() == "Container" ? e["items"]!.AsArray().OfType<JsonObject>() : [e])
            .Where(e => e["type"]!.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>())];
}
