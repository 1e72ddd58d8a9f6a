using System.Text.Json.Nodes;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Users;
using OneTimeBot.Slack.WebApi;

namespace OneTimeBot.Slack.Messaging;

/// <summary>
/// Sends a direct message to a person in Slack: <c>conversations.open</c> with their user id, then
/// <c>chat.postMessage</c> into that DM (never unfurled, with a text fallback), with the bot token of their workspace's
/// installation, or of their org's when the app is installed org-wide. A refusal comes back as one sentence for the
/// sender; the Web API client has already logged it, by method and error code only. The message itself speaks the
/// recipient's language: what Slack says it is, else what was kept with how to reach them, else English.
/// </summary>
public sealed class SlackDirectMessenger(SlackTokens tokens, SlackApiClient api, SlackUserLanguages languages) : IDirectMessenger
{
    public ChatPlatform Platform => ChatPlatform.Slack;

    public async Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(message);
        var token = await tokens.ForAsync(to.Workspace.Id, to.Reach?.EnterpriseId, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return DirectMessageResult.NotSent(tokens.IsLocalMode ? SlackDirectMessageProblems.NoBotToken : SlackDirectMessageProblems.NotInstalled);
        }

        var opened = await api.OpenConversationAsync(token, to.UserId, cancellationToken).ConfigureAwait(false);
        if (!opened.Ok || opened.Body["channel"]?["id"] is not JsonValue id || !id.TryGetValue<string>(out var channel) || channel.Length == 0)
        {
            return DirectMessageResult.NotSent(SlackDirectMessageProblems.For(opened.Ok ? SlackApiResponse.Unreadable : opened.Error), SlackDirectMessageProblems.IsTransient(opened.Ok ? SlackApiResponse.Unreadable : opened.Error));
        }

        var locale = await languages.LocaleAsync(to.Workspace.Id, to.Reach?.EnterpriseId, to.UserId, cancellationToken).ConfigureAwait(false) ?? to.Reach?.Locale;
        SlackReply inTheirLanguage;
        using (LanguageScope.Use(Languages.From(locale)))
        {
            inTheirLanguage = DirectMessageBlocks.Render(message);
        }

        var posted = await api.PostMessageAsync(token, channel, inTheirLanguage, cancellationToken).ConfigureAwait(false);
        return posted.Ok ? DirectMessageResult.Delivered : DirectMessageResult.NotSent(SlackDirectMessageProblems.For(posted.Error), SlackDirectMessageProblems.IsTransient(posted.Error));
    }
}
