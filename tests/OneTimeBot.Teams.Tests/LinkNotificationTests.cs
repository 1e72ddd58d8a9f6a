using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>The sender's one Teams message when a link they shared in the chat is opened on the embedded secret service.</summary>
public sealed class LinkNotificationTests
{
    private const string BobAad = "b0b00000-0000-4000-8000-000000000002";
    private const string Carol = "ca501000-0000-4000-8000-000000000003";

    [Fact]
    public async Task A_link_shared_in_the_chat_and_opened_gives_its_sender_one_opened_message_in_their_1_1_chat()
    {
        await using var app = await TeamsApp.StartAsync();
        await app.SendAsync(app.Activity("message", value: new JsonObject
        {
            ["action"] = "share", ["secret"] = "Tn1-opened-teams-secret-5b3e", ["ttl"] = "4h", ["passphrase"] = "", ["recipient"] = "",
        }));
        var card = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;

        var revealed = await TeamsApp.RevealAsync(TeamsApp.LinkOn(card));
        var told = (await app.BotFramework.WaitForMessagesToAsync("29:1" + TeamsApp.AliceAad, timeout: TimeSpan.FromSeconds(5)))[0];
        await app.Host.Services.FollowUpsFinishedAsync();

        Assert.Equal("Tn1-opened-teams-secret-5b3e", revealed);
        Assert.Equal("👀 Your link was opened", TeamsApp.TitleOf(told.Card!));
        Assert.Single(app.BotFramework.MessagesTo("29:1" + TeamsApp.AliceAad));
        app.AssertNowhere("Tn1-opened-teams-secret-5b3e");
    }

    [Fact]
    public async Task A_link_sent_to_a_picked_person_and_opened_tells_its_sender_it_was_for_that_person_by_the_name_teams_gave()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");
        await app.SendAsync(app.Activity("message", value: Share("Tn2-opened-for-bob-secret-8d4f", BobAad)));
        var toBob = (await app.BotFramework.WaitForMessagesToAsync(BobAad))[0].Card!;
        await app.Host.Services.FollowUpsFinishedAsync();

        await TeamsApp.RevealAsync(TeamsApp.LinkOn(toBob));
        var told = (await app.BotFramework.WaitForMessagesToAsync("29:1" + TeamsApp.AliceAad, timeout: TimeSpan.FromSeconds(5)))[0];
        await app.SendAsync(app.Activity("message", "recent"));
        var list = await RecentListAsync(app);

        Assert.Contains(TeamsApp.TextsOf(told.Card!), t => t.StartsWith("Your link for Bob Builder was opened", StringComparison.Ordinal));
        Assert.Contains("**🔒 Secret for Bob Builder**", TextsInContainers(list));
        app.AssertNowhere("Tn2-opened-for-bob-secret-8d4f");
    }

    [Fact]
    public async Task A_link_that_could_not_be_sent_to_the_person_picked_is_not_listed_as_for_them()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.WithoutTheApp(Carol);
        await app.SendAsync(app.Activity("message", value: Share("Tn3-not-sent-to-carol-2b7c", Carol)));
        await app.BotFramework.WaitForCallsAsync(2);
        await app.Host.Services.FollowUpsFinishedAsync();

        await app.SendAsync(app.Activity("message", "recent"));
        var list = await RecentListAsync(app);

        Assert.Contains("**🔒 Secret**", TextsInContainers(list));
        Assert.DoesNotContain(TextsInContainers(list), t => t.Contains(" for ", StringComparison.Ordinal));
    }

    private static JsonObject Share(string secret, string sendTo) => new()
    {
        ["action"] = "share", ["secret"] = secret, ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["sendTo"] = sendTo,
    };

    private static async Task<JsonObject> RecentListAsync(TeamsApp app)
    {
        for (var calls = 1; ; calls++)
        {
            var call = (await app.BotFramework.WaitForCallsAsync(calls))[calls - 1];
            if (call.Card is { } card && TeamsApp.TitleOf(card) == "🗂️ Your recent links")
            {
                return card;
            }
        }
    }

    private static List<string> TextsInContainers(JsonObject card) =>
        [.. card["body"]!.AsArray().OfType<JsonObject>().Where(e => e["type"]!.GetValue<string>() == "Container")
            .SelectMany(e => e["items"]!.AsArray().OfType<JsonObject>())
            .Where(e => e["type"]!.GetValue<string>() == "TextBlock").Select(e => e["text"]!.GetValue<string>())];
}
