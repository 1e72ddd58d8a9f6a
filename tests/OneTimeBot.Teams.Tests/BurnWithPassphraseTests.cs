using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// Burn now on a Teams card for a secret shared with a passphrase: the card asks for the passphrase and sends it, the
/// embedded secret service burns the secret only with the right one, and a wrong one can be tried again.
/// </summary>
public sealed class BurnWithPassphraseTests
{
    private const string Secret = "Pf7-burn-with-passphrase-t5y6";
    private const string Passphrase = "Pf7 lilac harbour";

    [Fact]
    public async Task Burn_now_asks_for_the_passphrase_a_wrong_one_is_refused_and_can_be_retried_and_the_right_one_burns_the_secret()
    {
        await using var app = await TeamsApp.StartAsync();
        var card = await ShareInTheChatAsync(app);
        var burn = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["title"]!.GetValue<string>() == "Burn now");
        var form = burn["card"]!.AsObject();
        var receiptId = TeamsApp.ReceiptOn(card);

        await app.SendAsync(app.Activity("message", value: Press(form, receiptId, "Pf7 not the passphrase"), replyToId: "1700000000card"));
        var refusal = (await app.BotFramework.WaitForCallsAsync(2))[1];
        await app.SendAsync(app.Activity("message", value: Press(form, receiptId, Passphrase), replyToId: "1700000000card"));
        var burned = (await app.BotFramework.WaitForCallsAsync(3))[2];

        Assert.Equal("Action.ShowCard", burn["type"]!.GetValue<string>());
        Assert.Equal("Password", Input(form)["style"]!.GetValue<string>());
        Assert.True(Input(form)["isRequired"]!.GetValue<bool>());
        // The wrong passphrase: said privately, as a new message, and the card with its burn form is left to try again.
        Assert.Equal("POST", refusal.Method);
        Assert.Contains("⚠️ That passphrase is not right.", TeamsApp.TextsOf(refusal.Card!));
        // The right one: the card itself now says the secret was burned.
        Assert.Equal("PUT", burned.Method);
        Assert.EndsWith("/activities/1700000000card", burned.Path, StringComparison.Ordinal);
        Assert.Equal("🔥 Burned: nobody can open this link now", TeamsApp.TitleOf(burned.Card!));
        Assert.Null(await TeamsApp.RevealAsync(TeamsApp.LinkOn(card), Passphrase));
        app.AssertNowhere(Secret, Passphrase, "Pf7 not the passphrase");
    }

    [Fact]
    public async Task A_secret_without_a_passphrase_keeps_its_one_press_burn_button()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = "Pf7-burn-no-passphrase-u7i8", ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "",
        }));
        var card = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        var burn = card["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["title"]!.GetValue<string>() == "Burn now");
        await app.SendAsync(app.Activity("message", value: burn["data"]!.DeepClone(), replyToId: "1700000000card"));
        var burned = (await app.BotFramework.WaitForCallsAsync(2))[1];

        Assert.Equal("Action.Submit", burn["type"]!.GetValue<string>());
        Assert.Equal("🔥 Burned: nobody can open this link now", TeamsApp.TitleOf(burned.Card!));
    }

    private static async Task<JsonObject> ShareInTheChatAsync(TeamsApp app)
    {
        await app.SendAsync(app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = Secret, ["ttl"] = "1h", ["passphrase"] = Passphrase, ["recipient"] = "",
        }));
        return (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
    }

    /// <summary>What Teams sends when the burn form's button is pressed: the button's data and the form's input, flattened.</summary>
    private static JsonObject Press(JsonObject form, string receiptId, string passphrase)
    {
        var data = form["actions"]!.AsArray().OfType<JsonObject>().Single(a => a["type"]!.GetValue<string>() == "Action.Submit")["data"]!.DeepClone().AsObject();
        Assert.Equal(receiptId, data["receiptId"]!.GetValue<string>());
        data[Input(form)["id"]!.GetValue<string>()] = passphrase;
        return data;
    }

    private static JsonObject Input(JsonObject form) => form["body"]!.AsArray().OfType<JsonObject>().Single(e => e["type"]!.GetValue<string>() == "Input.Text");
}
