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

    /// <summary>Sends a chat message and answers the card the bot replied to it with, whatever else reached the connector.</summary>
    private static async Task<JsonObject> ReplyToAsync(TeamsApp app, JsonObject message)
    {
        await app.SendAsync(message);
        var id = message["id"]!.GetValue<string>();
        for (var count = 1; ; count++)
        {
            var calls = await app.BotFramework.WaitForCallsAsync(count);
            if (calls.FirstOrDefault(c => c.Body["replyToId"]?.GetValue<string>() == id && c.Card is not null) is { } reply)
            {
                return reply.Card!;
            }
        }
    }

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

        // A passphrase too short: the core's words for it, in Swedish, above the form.
        var tooShort = DialogCard(await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-short-fras-secret-n3b5", ["ttl"] = "1h", ["passphrase"] = "abc", ["recipient"] = "",
        })))));

        Assert.Contains(TeamsApp.TextsOf(tooShort), t => t.StartsWith("⚠️ Lösenfrasen måste vara 4 till 128 tecken lång, men den är 3.", StringComparison.Ordinal));

        var shared = await TeamsApp.JsonAsync(await app.SendAsync(In("sv-SE", app.Invoke("composeExtension/submitAction", "shareSecret", new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-journey-secret-q8w3e", ["ttl"] = "1h", ["passphrase"] = "Pf7-sv-fras-z1x2", ["recipient"] = "",
        }))));
        var card = shared["composeExtension"]!["attachments"]![0]!["content"]!.AsObject();
        var burn = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["type"]!.GetValue<string>() == "Action.ShowCard");
        var burnPassphrase = burn["card"]!["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == "passphrase");

        Assert.Equal("🔒 En engångshemlighet", TeamsApp.TitleOf(card));
        Assert.Contains("När länken öppnas visas hemligheten en gång och förstörs sedan. Bara mottagaren ska öppna den.", TeamsApp.TextsOf(card));
        Assert.Contains("om 1 timme", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Lösenfras", burnPassphrase["label"]!.GetValue<string>());
        Assert.Equal("Hemligheten delades med en lösenfras; för att bränna den behövs samma lösenfras.", burnPassphrase["errorMessage"]!.GetValue<string>());
        Assert.Equal("Pf7-sv-journey-secret-q8w3e", await TeamsApp.RevealAsync(TeamsApp.LinkOn(card), "Pf7-sv-fras-z1x2"));

        // The link was just opened, so the message saying so may reach the connector before the help does.
        var help = await ReplyToAsync(app, In("sv-SE", app.Activity("message", "help")));

        Assert.Contains("Jag gör om en hemlighet till en länk som fungerar **en gång**, så att den aldrig blir kvar i chatthistoriken.", TeamsApp.TextsOf(help));
        Assert.Contains(help["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "FactSet").SelectMany(f => f["facts"]!.AsArray()),
            f => f!["value"]!.GetValue<string>().StartsWith("ett slumpat lösenord bakom en länk", StringComparison.Ordinal));
        Assert.Equal(["Dela en hemlighet", "Generera ett lösenord"], help["actions"]!.AsArray().Select(a => a!["title"]!.GetValue<string>()));
        app.AssertNowhere("Pf7-sv-journey-secret-q8w3e", "Pf7-sv-fras-z1x2", "Pf7-sv-typed-person-k2m4x", "Pf7-sv-short-fras-secret-n3b5");
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
        var help = await ReplyToAsync(app, In(locale, app.Activity("message", "help")));

        Assert.Equal("Share a secret", dialog["task"]!["value"]!["title"]!.GetValue<string>());
        Assert.Equal("Share a secret as a one-time link", TeamsApp.TitleOf(DialogCard(dialog)));
        Assert.Contains("⚠️ OneTimeBot can only send the link to someone picked from the list. Pick them again under Send to, or leave it empty to get the link yourself.", TeamsApp.TextsOf(again));
        Assert.Contains("I turn a secret into a link that works **once**, so it never sits in chat history.", TeamsApp.TextsOf(help));
    }

    [Fact]
    public async Task A_swedish_senders_link_opened_later_is_told_to_them_in_swedish_in_the_background()
    {
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(In("sv-SE", app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-opened-later-c4v5b", ["ttl"] = "4h", ["passphrase"] = "", ["recipient"] = "",
        })));
        var card = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        // Opened in a browser: nothing in that request says what language the sender reads.
        await TeamsApp.RevealAsync(TeamsApp.LinkOn(card));
        var told = (await app.BotFramework.WaitForMessagesToAsync("29:1" + TeamsApp.AliceAad, timeout: TimeSpan.FromSeconds(5)))[0];

        Assert.Equal("🔒 Din engångslänk är klar", TeamsApp.TitleOf(card));
        Assert.Equal("👀 Din länk har öppnats", TeamsApp.TitleOf(told.Card!));
        app.AssertNowhere("Pf7-sv-opened-later-c4v5b");
    }

    [Fact]
    public async Task A_link_a_swedish_sender_sends_to_someone_whose_language_is_unknown_reaches_them_in_english()
    {
        await using var app = await TeamsApp.StartAsync();
        const string bob = "b0b00000-0000-4000-8000-000000000002";
        app.BotFramework.AddPerson(bob, "Bob Builder");

        await app.SendAsync(In("sv-SE", app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-sv-to-bob-secret-x9c8v", ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["sendTo"] = bob,
        })));
        var toBob = (await app.BotFramework.WaitForMessagesToAsync(bob))[0].Card!;
        await app.Host.Services.FollowUpsFinishedAsync();
        // The sender's card is the reply in their own chat with the bot.
        var toAlice = app.BotFramework.CallsTo(Uri.EscapeDataString("a:1convpersonal")).Single(c => c.Card is not null).Card!;

        Assert.Equal("🔒 A one-time secret for you", TeamsApp.TitleOf(toBob));
        Assert.Contains("📨 Skickad till Bob Builder, privat, i personens chatt med OneTimeBot.", TeamsApp.TextsOf(toAlice));
        app.AssertNowhere("Pf7-sv-to-bob-secret-x9c8v");
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
