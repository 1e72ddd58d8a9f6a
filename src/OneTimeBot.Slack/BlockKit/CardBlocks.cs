using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// Lays out a <see cref="SecretCard"/> or a <see cref="SharingError"/> in Block Kit, in the words of
/// <see cref="SecretCardText"/> (the card's blocks are <see cref="SecretCardBlocks"/>). It cannot show the secret, a
/// generated value or a metadata key: the card model does not hold them.
/// </summary>
public static class CardBlocks
{
    /// <summary>The card, or the error as a private message. An error never replaces the card it answers.</summary>
    public static SlackReply Render(Result<SecretCard, SharingError> result, bool replaceOriginal = false) =>
        result.IsSuccess ? Render(result.Value, replaceOriginal) : Render(result.Error);

    public static SlackReply Render(SecretCard card, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        // Sent on every share: written straight into the reply rather than built as a tree first.
        return new SlackReply(DirectMessageText.CardFallback(card, DirectMessageBlocks.Mention), new SecretCardBlocks(card), replaceOriginal);
    }

    /// <summary>An error card is a notice: what went wrong, then what to do.</summary>
    public static SlackReply Render(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return SlackMessages.Notice(new Notice(error.Message, error.Hint));
    }
}
