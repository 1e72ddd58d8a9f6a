using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Connector;

namespace OneTimeBot.Teams.Messaging;

/// <summary>
/// Sends a direct message to a person in Teams: the Bot Connector opens the bot's 1:1 conversation with them
/// (<c>POST {serviceUrl}/v3/conversations</c>, with the tenant) and the card is posted into it. The service URL and the
/// bot's id come from the verified activity of whoever caused the message, never from what someone typed. Teams
/// refuses when the app is not installed for the person, and the sender is told so in one sentence, in the sender's
/// language. The card itself speaks the recipient's language, as Teams last gave it for them (English when unknown).
/// </summary>
public sealed class TeamsDirectMessenger(ConnectorClient connector) : IDirectMessenger
{
    public ChatPlatform Platform => ChatPlatform.Teams;

    public async Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        if (to.Reach is not { ServiceUrl: { Length: > 0 } serviceUrl, BotId: { Length: > 0 } botId })
        {
            return DirectMessageResult.NotSent(TeamsDirectMessageProblems.NoWayToReach);
        }

        // The connector takes a person's Azure AD object id as the member id, as it is (no "29:" or "8:orgid:" prefix),
        // for a 1:1 conversation with a bot installed in their personal scope; without that install it answers 403
        // (ForbiddenOperationException). Microsoft Learn, "Send proactive messages", sections "Get the Microsoft Entra
        // user ID, user ID, team ID, or channel ID" and "Create the conversation" ("pass the aadObjectId value in the
        // Id parameter"): https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
        // A person's "29:" id, when a verified activity gave it, works everywhere and is used first.
        var memberId = to.Reach.ChannelUserId is { Length: > 0 } channelUserId ? channelUserId : to.UserId;
        var created = await connector.CreatePersonalConversationAsync(serviceUrl, botId, memberId, to.Workspace.Id, cancellationToken).ConfigureAwait(false);
        if (created.Text("id") is not { } conversationId)
        {
            return DirectMessageResult.NotSent(TeamsDirectMessageProblems.For(created.Ok ? null : created.Status, to.Reach.Name), TeamsDirectMessageProblems.IsTransient(created.Ok ? null : created.Status));
        }

        var posted = await connector.PostToConversationAsync(serviceUrl, conversationId, botId, InTheirLanguage(to.Reach, message), cancellationToken).ConfigureAwait(false);
        if (!posted.Ok)
        {
            return DirectMessageResult.NotSent(TeamsDirectMessageProblems.For(posted.Status, to.Reach.Name), TeamsDirectMessageProblems.IsTransient(posted.Status));
        }

        // A person picked in a people picker comes with their object id only: the conversation's member record names them,
        // so the sender's card can say who it went to. Not having it costs only the name.
        var member = to.Reach.Name is null
            ? await connector.GetMemberAsync(serviceUrl, conversationId, memberId, cancellationToken).ConfigureAwait(false)
            : null;
        return DirectMessageResult.Delivered with { RecipientName = member?.Text("name") };
    }

    /// <summary>The card in the recipient's language; the scope ends before anything is said to the sender again.</summary>
    private static System.Text.Json.Nodes.JsonObject InTheirLanguage(ChatReach reach, DirectMessage message)
    {
        using var language = LanguageScope.Use(Languages.From(reach.Locale));
        return DirectMessageCards.Render(message);
    }
}
