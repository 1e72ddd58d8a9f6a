using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Tests;

/// <summary>The bot messaging one person in Teams: a 1:1 conversation opened through the Bot Connector, then the card.</summary>
public sealed class TeamsDirectMessengerTests
{
    private const string BobAad = "b0b00000-0000-4000-8000-000000000002";

    [Fact]
    public async Task A_link_sent_to_a_person_picked_by_object_id_opens_a_1_1_conversation_in_the_tenant_and_posts_the_card_there()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.AddPerson(BobAad, "Bob Builder");
        var card = await ShareAsync(app, "Pf7-teams-dm-secret-z3x8");

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob(app), new LinkForYou(new Person(TeamsApp.AliceAad, "Alice"), card), default);
        var create = app.BotFramework.Calls.Single(c => c.Path == "/teams/v3/conversations").Body;
        var message = Assert.Single(app.BotFramework.MessagesTo(BobAad));

        Assert.Equal(DirectMessageResult.Delivered with { RecipientName = "Bob Builder" }, sent);
        Assert.Equal(BobAad, create["members"]![0]!["id"]!.GetValue<string>());
        Assert.False(create["isGroup"]!.GetValue<bool>());
        Assert.Equal("28:" + TeamsApp.AppId, create["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsApp.TenantId, create["tenantId"]!.GetValue<string>());
        Assert.Equal(TeamsApp.TenantId, create["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Bearer " + app.BotFramework.AccessToken, message.Authorization);
        Assert.Equal("🔒 A one-time secret for you", TeamsApp.TitleOf(message.Card!));
        Assert.Contains("Alice sent you a one-time link:", TeamsApp.TextsOf(message.Card!));
        Assert.Contains("Required: Alice tells you it another way", message.Card!.ToJsonString(), StringComparison.Ordinal);
        // The recipient's card opens the link and does nothing else: status and burn are the sender's.
        Assert.Equal(["Action.OpenUrl"], message.Card!["actions"]!.AsArray().Select(a => a!["type"]!.GetValue<string>()));
        Assert.Equal("Pf7-teams-dm-secret-z3x8", await TeamsApp.RevealAsync(TeamsApp.LinkOn(message.Card!), "Pf7 teams phrase"));
        app.AssertNowhere("Pf7-teams-dm-secret-z3x8", "Pf7 teams phrase");
    }

    [Fact]
    public async Task When_the_app_is_not_installed_for_the_person_teams_refuses_and_the_sender_is_told_in_one_sentence()
    {
        await using var app = await TeamsApp.StartAsync();
        app.BotFramework.WithoutTheApp(BobAad);

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob(app), Asked(), default);

        Assert.False(sent.Sent);
        Assert.Equal("OneTimeBot isn't installed for them, so Teams won't let it message them. They can add OneTimeBot from Apps in Teams.", sent.Problem);
        Assert.False(sent.Transient);
        Assert.Empty(app.BotFramework.MessagesTo(BobAad));
    }

    [Fact]
    public async Task Without_a_verified_service_url_to_reach_teams_nothing_is_sent_anywhere()
    {
        await using var app = await TeamsApp.StartAsync();

        var sent = await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob(app) with { Reach = null }, Asked(), default);

        Assert.Equal("OneTimeBot has no way to reach Teams for them from here; try again from your chat with OneTimeBot.", sent.Problem);
        Assert.Empty(app.BotFramework.Calls);
    }

    [Fact]
    public async Task A_request_arrives_with_send_it_securely_and_decline_buttons_carrying_the_request()
    {
        await using var app = await TeamsApp.StartAsync();

        await app.Host.Services.GetRequiredService<DirectMessengers>().SendAsync(Bob(app), Asked(), default);
        var card = Assert.Single(app.BotFramework.MessagesTo(BobAad)).Card!;

        Assert.Contains(@"Alice asks you for: the staging DB password \*now\*", TeamsApp.TextsOf(card));
        Assert.Equal(
            [("answerRequest", "req-7f3k"), ("declineRequest", "req-7f3k")],
            card["actions"]!.AsArray().Select(a => (a!["data"]!["action"]!.GetValue<string>(), a["data"]!["requestId"]!.GetValue<string>())));
    }

    private static Actor Bob(TeamsApp app) => new(new WorkspaceId(ChatPlatform.Teams, TeamsApp.TenantId), BobAad)
    {
        Reach = new ChatReach(ServiceUrl: app.BotFramework.ServiceUrl, BotId: "28:" + TeamsApp.AppId),
    };

    private static SecretAsked Asked() => new("req-7f3k", new Person(TeamsApp.AliceAad, "Alice"), "the staging DB password *now*", DateTimeOffset.UtcNow.AddHours(24));

    private static async Task<SecretCard> ShareAsync(TeamsApp app, string secret)
    {
        TestRunLedger.Secret(secret);
        TestRunLedger.Note(LedgerKind.Passphrase, "Pf7 teams phrase");
        var alice = new Actor(new WorkspaceId(ChatPlatform.Teams, TeamsApp.TenantId), TeamsApp.AliceAad);
        return (await app.Host.Services.GetRequiredService<SharingService>().ShareAsync(alice, new ShareInput(new SecretText(secret), "1h", new SecretText("Pf7 teams phrase")), null, default)).Value!;
    }
}
