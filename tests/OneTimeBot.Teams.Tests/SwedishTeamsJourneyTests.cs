using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// A Teams user whose Teams speaks Swedish (<c>activity.locale</c> <c>sv-SE</c>) gets OneTimeBot in Swedish: the
/// message extension's dialog, its form and what was wrong in it, the card put into the compose box, and the chat's
/// replies. Someone in English Teams, or in a language OneTimeBot does not speak, gets English.
/// </summary>
public sealed class SwedishTeamsJourneyTests
{
    private static JsonObject In(string? locale, JsonObject activity)
    {
        activity["locale"] = locale;
        return activity;
    }

    private static JsonObject DialogCard(JsonObject answer) => answer["task"]!["value"]!["card"]!["content"]!.AsObject();

    private static JsonObject Input(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == id);

    [Fact]
    public async Task A_swedish_teams_user_shares_through_the_message_extension_in_swedish_from_the_form_to_the_card_and_the_chat()
    {
        await using var app = await TeamsApp.StartAsync();

        var dialog = await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/fetchTask", "shareSecret"))));
        var form = DialogCard(dialog);

        Assert.Equal("Dela en hemlighet", dialog["task"]!["value"]!["title"]!.GetValue<string>());
        Assert.Equal("Dela en hemlighet som engångslänk", TeamsApp.TitleOf(form));
        Assert.Equal("Hemlighet", Input(form, "secret")["label"]!.GetValue<string>());
        Assert.Equal("Länken går ut efter", Input(form, "ttl")["label"]!.GetValue<string>());
        Assert.Equal("Lösenfras (valfri)", Input(form, "passphrase")["label"]!.GetValue<string>());
        Assert.Equal("Skapa länk", form["actions"]![0]!["title"]!.GetValue<string>());

        // A person typed rather than picked: the form again, in Swedish, with what was wrong and how to fix it.
        var again = await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-typed-person-k2m4x", ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["sendTo"] = "29:someone-typed-this",
        }))));
        var fix = DialogCard(again);

        Assert.Equal("Dela en hemlighet", again["task"]!["value"]!["title"]!.GetValue<string>());
        Assert.Contains("⚠️ OneTimeBot kan bara skicka länken till någon som du har valt i listan. Välj personen igen under Skicka till, eller lämna fältet tomt för att få länken själv.", TeamsApp.TextsOf(fix));
        Assert.Equal("Skriv eller klistra in hemligheten du vill dela.", Input(fix, "secret")["errorMessage"]!.GetValue<string>());

        var shared = await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-journey-secret-q8w3e", ["ttl"] = "1h", ["passphrase"] = "Pf7-sv-fras-z1x2", ["recipient"] = "",
        }))));
        var card = shared["composeExtension"]!["attachments"]![0]!["content"]!.AsObject();
        var burn = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["type"]!.GetValue<string>() == "Action.ShowCard");
        var burnPassphrase = burn["card"]!["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == "passphrase");

        Assert.Equal("Lösenfras", burnPassphrase["label"]!.GetValue<string>());
        Assert.Equal("Hemligheten delades med en lösenfras; för att bränna den behövs samma lösenfras.", burnPassphrase["errorMessage"]!.GetValue<string>());
        Assert.Equal("Pf7-sv-journey-secret-q8w3e", await TeamsApp.RevealAsync(TeamsApp.LinkOn(card), "Pf7-sv-fras-z1x2"));

        await app.SendAsync(In("sv-SE", app.Activity("message", "help")));
        var help = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        Assert.Contains("Jag gör om en hemlighet till en länk som fungerar **en gång**, så att den aldrig blir kvar i chatthistoriken.", TeamsApp.TextsOf(help));
        Assert.Equal(["Dela en hemlighet", "Skapa ett lösenord"], help["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        app.AssertNowhere("Pf7-sv-journey-secret-q8w3e", "Pf7-sv-fras-z1x2", "Pf7-sv-typed-person-k2m4x");
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("fi-FI")]
    [InlineData(null)]
    public async Task Teams_users_in_english_or_in_a_language_onetimebot_does_not_speak_get_english(string? locale)
    {
        await using var app = await TeamsApp.StartAsync();
        // Someone in Swedish first: their language ends with their request and never carries over to the next person's.
        await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/fetchTask", "shareSecret"))));

        var dialog = await TeamsApp.JsonAsync(await app.SendAsync(In(locale, app.Invoke("composeExtension/fetchTask", "shareSecret"))));
        var again = DialogCard(await TeamsApp.JsonAsync(await app.SendAsync(In(locale, app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-en-typed-person-h5j6k", ["ttl"] = "1h", ["sendTo"] = "29:someone-typed-this",
        })))));
        await app.SendAsync(In(locale, app.Activity("message", "help")));
        var help = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        Assert.Equal("Share a secret", dialog["task"]!["value"]!["title"]!.GetValue<string>());
        Assert.Equal("Share a secret as a one-time link", TeamsApp.TitleOf(DialogCard(dialog)));
        Assert.Contains("⚠️ OneTimeBot can only send the link to someone picked from the list. Pick them again under Send to, or leave it empty to get the link yourself.", TeamsApp.TextsOf(again));
        Assert.Contains("I turn a secret into a link that works **once**, so it never sits in chat history.", TeamsApp.TextsOf(help));
    }

    [Fact]
    public async Task A_problem_delivering_to_the_person_picked_is_told_to_a_swedish_sender_in_swedish()
    {
        await using var app = await TeamsApp.StartAsync();
        const string carol = "ca401000-0000-4000-8000-000000000003";
        app.BotFramework.WithoutTheApp(carol);

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/submitAction", "generatePassword", new JsonObject
        {
            ["action"] = "generate", ["ttl"] = "1h", ["length"] = "14", ["sendTo"] = carol,
        }))));
        await app.Host.Services.FollowUpsFinishedAsync();
        var toAlice = app.BotFramework.Calls.Single(c => c.Card is not null).Card!;

        Assert.Equal("OneTimeBot skickar länken till personen du valde, i hens chatt med OneTimeBot. Ditt kort, som visar om den kom fram, finns i din chatt med OneTimeBot.", answer["task"]!["value"]!.GetValue<string>());
        Assert.Contains(TeamsApp.TextsOf(toAlice), t => t.Contains("OneTimeBot är inte installerad för personen, så Teams låter den inte skicka meddelanden dit.", StringComparison.Ordinal));
        var password = await TeamsApp.RevealAsync(TeamsApp.LinkOn(toAlice));
        Assert.Equal(14, password!.Length);
        app.AssertNowhere(password);
    }
}
