using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Teams.Handlers;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>
/// The share and generate forms' "Send to" people picker, in the chat and in the message extension: the bot opens a
/// 1:1 conversation with the person picked and sends them the link; the sender's card says whether it arrived.
/// </summary>
public sealed class SendToPersonTests
{
    private const string BobAad = "b0b00000-0000-4000-8000-000000000002";
    private const string Carol = "ca501000-0000-4000-8000-000000000003";

    [Fact]
    public async Task Every_share_and_generate_form_has_teams_people_picker_over_the_whole_organisation()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", "share"));
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "openGenerateForm" }));
        var chatForms = (await app.BotFramework.WaitForCallsAsync(2)).Select(c => c.Card!).ToList();
        var dialogs = new List<JsonObject>();
        foreach (var command in new[] { "shareSecret", "generatePassword" })
        {
            var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/fetchTask", command)));
            dialogs.Add(answer["task"]!["value"]!["card"]!["content"]!.AsObject());
        }

        Assert.All(chatForms.Concat(dialogs), form =>
        {
            var picker = Picker(form);
            Assert.Equal("Input.ChoiceSet", picker["type"]!.GetValue<string>());
            Assert.Equal("Data.Query", picker["choices.data"]!["type"]!.GetValue<string>());
            Assert.Equal("graph.microsoft.com/users", picker["choices.data"]!["dataset"]!.GetValue<string>());
            Assert.False(picker["isMultiSelect"]!.GetValue<bool>());
            Assert.Null(picker["value"]);
        });
    }

    [Fact]
    public async Task A_share_from_the_chat_to_a_picked_person_reaches_their_1_1_chat_and_the_senders_card_says_sent_to_them()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");

        await app.SendAsync(app.Activity("message", value: Share("Pf7-teams-to-bob-w2e3", BobAad)));
        var toBob = (await app.BotFramework.WaitForMessagesToAsync(BobAad))[0].Card!;
        var card = (await app.BotFramework.WaitForCallsAsync(3)).Single(c => c.Path.Contains("a%3A1convpersonal", StringComparison.Ordinal)).Card!;

        Assert.Equal("🔒 A one-time secret for you", TeamsApp.TitleOf(toBob));
        Assert.Contains("Alice sent you a one-time link:", TeamsApp.TextsOf(toBob));
        Assert.Contains("📨 Sent to Bob Builder, privately, in their chat with OneTimeBot.", TeamsApp.TextsOf(card));
        Assert.EndsWith("Sent to Bob Builder.", card["fallbackText"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(TeamsApp.LinkOn(card), TeamsApp.LinkOn(toBob));
        Assert.DoesNotContain("Pf7-teams-to-bob", toBob.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("Pf7-teams-to-bob-w2e3", await TeamsApp.RevealAsync(TeamsApp.LinkOn(toBob)));
        app.AssertNowhere("Pf7-teams-to-bob");
    }

    [Fact]
    public async Task After_check_status_and_burn_the_senders_card_still_says_whom_the_link_was_sent_to()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");
        await app.SendAsync(app.Activity("message", value: Share("Pf7-teams-status-keeps-bob-z5x4", BobAad)));
        await app.BotFramework.WaitForMessagesToAsync(BobAad);
        var card = (await app.BotFramework.WaitForCallsAsync(3)).Single(c => c.Path.Contains("a%3A1convpersonal", StringComparison.Ordinal)).Card!;
        var receipt = TeamsApp.ReceiptOn(card);

        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "status", ["receiptId"] = receipt }, replyToId: "card-to-bob-1"));
        var checkedCard = await UpdateAsync(app, "card-to-bob-1", 1);
        await TeamsApp.RevealAsync(TeamsApp.LinkOn(card));
        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "status", ["receiptId"] = receipt }, replyToId: "card-to-bob-1"));
        var viewed = await UpdateAsync(app, "card-to-bob-1", 2);

        const string SentToBob = "📨 Sent to Bob Builder, privately, in their chat with OneTimeBot.";
        Assert.Contains(SentToBob, TeamsApp.TextsOf(checkedCard));
        Assert.Equal(TeamsApp.LinkOn(card), TeamsApp.LinkOn(checkedCard));
        Assert.Contains(SentToBob, TeamsApp.TextsOf(viewed));
        Assert.Equal("The secret was viewed and is gone. Sent to Bob Builder.", viewed["fallbackText"]!.GetValue<string>());
    }

    [Fact]
    public async Task Burn_now_on_a_card_sent_to_a_person_still_says_whom_it_was_sent_to()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");
        await app.SendAsync(app.Activity("message", value: Share("Pf7-teams-burn-keeps-bob-c3v7", BobAad)));
        await app.BotFramework.WaitForMessagesToAsync(BobAad);
        var card = (await app.BotFramework.WaitForCallsAsync(3)).Single(c => c.Path.Contains("a%3A1convpersonal", StringComparison.Ordinal)).Card!;

        await app.SendAsync(app.Activity("message", value: new JsonObject { ["action"] = "burn", ["receiptId"] = TeamsApp.ReceiptOn(card) }, replyToId: "card-to-bob-2"));
        var burned = await UpdateAsync(app, "card-to-bob-2", 1);

        Assert.Contains("📨 Sent to Bob Builder, privately, in their chat with OneTimeBot.", TeamsApp.TextsOf(burned));
        Assert.Equal("The secret was burned. Sent to Bob Builder.", burned["fallbackText"]!.GetValue<string>());
        Assert.Null(await TeamsApp.RevealAsync(TeamsApp.LinkOn(card)));
    }

    [Fact]
    public async Task When_the_person_has_not_installed_the_app_the_sender_learns_that_and_gets_the_link_to_send_themselves()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.WithoutTheApp(Carol);

        await app.SendAsync(app.Activity("message", value: Share("Pf7-teams-to-carol-r4t5", Carol)));
        var card = (await app.BotFramework.WaitForCallsAsync(2)).Single(c => c.Path.Contains("a%3A1convpersonal", StringComparison.Ordinal)).Card!;

        Assert.Contains(
            "⚠️ Not sent to the person you picked. OneTimeBot isn't installed for them, so Teams won't let it message them. They can add OneTimeBot from Apps in Teams.",
            TeamsApp.TextsOf(card));
        Assert.Contains(TeamsApp.TextsOf(card), t => t.StartsWith("Pass the link on yourself", StringComparison.Ordinal));
        Assert.Empty(app.BotFramework.MessagesTo(Carol));
        Assert.Equal("Pf7-teams-to-carol-r4t5", await TeamsApp.RevealAsync(TeamsApp.LinkOn(card)));
    }

    [Fact]
    public async Task A_form_shown_again_with_a_mistake_keeps_the_person_picked_and_sends_nothing()
    {
        await using var app = await TeamsApp.StartAsync();
        var submitted = Share("Pf7-teams-mistake-y6u7", BobAad);
        submitted["passphrase"] = "abc";

        await app.SendAsync(app.Activity("message", value: submitted));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        Assert.Equal(BobAad, Picker(form)["value"]!.GetValue<string>());
        Assert.Contains(TeamsApp.TextsOf(form), t => t.Contains("passphrase", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(app.BotFramework.MessagesTo(BobAad));
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
    }

    [Fact]
    public async Task A_send_to_value_no_picker_gives_is_refused_in_the_form_and_nothing_is_shared()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.SendAsync(app.Activity("message", value: Share("Pf7-teams-not-a-person-i8o9", "29:someone-typed-this")));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        Assert.Contains("⚠️ OneTimeBot can only send the link to someone picked from the list. Pick them again under Send to, or leave it empty to get the link yourself.", TeamsApp.TextsOf(form));
        Assert.Null(Picker(form)["value"]);
        Assert.Equal(0, app.Host.RowsIn("bot_receipts"));
        Assert.Single(app.BotFramework.Calls);
    }

    [Fact]
    public async Task The_message_extension_with_a_person_picked_says_the_link_is_on_its_way_and_puts_nothing_in_the_compose_box()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");
        var invoke = app.Invoke("composeExtension/submitAction", "shareSecret", Share("Pf7-teams-extension-to-bob-p0a1", BobAad));
        invoke["conversation"]!["conversationType"] = "groupChat";
        invoke["conversation"]!["id"] = "19:group-chat@thread.v2";

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(invoke));
        var toBob = (await app.BotFramework.WaitForMessagesToAsync(BobAad))[0].Card!;
        var toAlice = (await app.BotFramework.WaitForMessagesToAsync("29:1" + TeamsApp.AliceAad))[0].Card!;

        Assert.Equal(MessageExtensionHandlers.SendingToThePersonPicked, answer["task"]!["value"]!.GetValue<string>());
        Assert.Null(answer["composeExtension"]);
        Assert.DoesNotContain("/secret/", answer.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(TeamsApp.LinkOn(toAlice), TeamsApp.LinkOn(toBob));
        Assert.Contains("📨 Sent to Bob Builder, privately, in their chat with OneTimeBot.", TeamsApp.TextsOf(toAlice));
        // The sender's own card, so they can check on it or burn it.
        Assert.Contains(toAlice["actions"]!.AsArray(), a => a!["data"]?["action"]?.GetValue<string>() == "burn");
        Assert.Equal("Pf7-teams-extension-to-bob-p0a1", await TeamsApp.RevealAsync(TeamsApp.LinkOn(toBob)));
    }

    [Fact]
    public async Task The_message_extension_tells_the_sender_privately_when_the_person_has_not_installed_the_app()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.WithoutTheApp(Carol);

        var answer = await TeamsApp.JsonAsync(await app.SendAsync(app.Invoke("composeExtension/submitAction", "generatePassword", new JsonObject
        {
            ["action"] = "generate", ["ttl"] = "1h", ["length"] = "14", ["sendTo"] = Carol,
        })));
        await app.Host.Services.FollowUpsFinishedAsync();
        var toAlice = app.BotFramework.Calls.Single(c => c.Card is not null).Card!;

        Assert.Equal(MessageExtensionHandlers.SendingToThePersonPicked, answer["task"]!["value"]!.GetValue<string>());
        Assert.Contains(TeamsApp.TextsOf(toAlice), t => t.Contains("OneTimeBot isn't installed for them", StringComparison.Ordinal));
        var password = await TeamsApp.RevealAsync(TeamsApp.LinkOn(toAlice));
        Assert.Equal(14, password!.Length);
        app.AssertNowhere(password);
    }

    private static JsonObject Share(string secret, string sendTo) => new()
    {
        ["action"] = "share", ["secret"] = secret, ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["sendTo"] = sendTo,
    };

    private static JsonObject Picker(JsonObject form) =>
        form["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == "sendTo");

    /// <summary>The <paramref name="count"/>th card that replaced the card with id <paramref name="cardId"/>.</summary>
    private static async Task<JsonObject> UpdateAsync(TeamsApp app, string cardId, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var updates = app.BotFramework.Calls.Where(c => c.Method == "PUT" && c.Path.EndsWith("/activities/" + cardId, StringComparison.Ordinal)).ToList();
            if (updates.Count >= count)
            {
                return updates[count - 1].Card!;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The card {cardId} was not replaced {count} time(s).");
            await Task.Delay(50);
        }
    }
}
