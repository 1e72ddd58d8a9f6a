using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Teams.Tests;

/// <summary>The sender's one Teams message when a link they shared in the chat is opened on the embedded secret service.</summary>
public sealed class LinkNotificationTests
{
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
}
