using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Handlers;

internal static class CardReplies
{
    /// <summary>The card, or the error as a private message. An error never replaces the card it answers.</summary>
    public static SlackReply From(Result<SecretCard, SharingError> result, bool replaceOriginal = false) =>
        result.IsSuccess ? CardBlocks.Render(result.Value, replaceOriginal) : CardBlocks.Render(result.Error);
}
