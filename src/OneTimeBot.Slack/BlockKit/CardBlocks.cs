using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// Lays out a <see cref="SecretCard"/> or a <see cref="SharingError"/> in Block Kit, in the words of
/// <see cref="SecretCardText"/>. A live card offers Check status and Burn now, never a button that opens the link,
/// which would burn the secret for its sender. It cannot show the secret, a generated value or a metadata key: the
/// card model does not hold them.
/// </summary>
public static class CardBlocks
{
    /// <summary>The card, or the error as a private message. An error never replaces the card it answers.</summary>
    public static SlackReply Render(Result<SecretCard, SharingError> result, bool replaceOriginal = false) =>
        result.IsSuccess ? Render(result.Value, replaceOriginal) : Render(result.Error);

    public static SlackReply Render(SecretCard card, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new JsonArray { Blocks.Header(SecretCardText.Title(card)) };
        if (card.NotSent is { } notSent)
        {
            // First, before the link: the sender expected it to be on its way.
            blocks.Add(Blocks.Section($":warning: *{DirectMessageText.NotSentTo(DirectMessageBlocks.Mention(notSent.To))}* {Blocks.Escape(notSent.Problem)}"));
        }

        blocks.Add(card.IsLive && card.Link is { } link
            ? Blocks.Section($"*{SecretCardText.LinkLabel}:*\n{Blocks.Escape(link.ToString())}")
            : Blocks.Section(SecretCardText.StatusSentence(card, Blocks.LocalDate)));
        if (card.SentTo is { } sentTo)
        {
            blocks.Add(Blocks.Section(DirectMessageText.SentTo(DirectMessageBlocks.Mention(sentTo))));
        }

        var (expiryLabel, expiry) = SecretCardText.ExpiryFact(card, Blocks.LocalDate);
        var facts = new List<string>
        {
            Fact(expiryLabel, expiry),
            Fact(SecretCardText.PassphraseLabel, SecretCardText.PassphraseFact(card)),
        };
        if (card.Recipient is { } recipient)
        {
            // An obscured address is full of asterisks, which mrkdwn would read as bold: shown as look-alike ∗ instead.
            facts.Add(Fact(SecretCardText.RecipientLabel, Blocks.Escape(recipient).Replace('*', '\u2217')));
        }

        facts.Add(Fact(SecretCardText.ServiceLabel, Blocks.Escape(card.BackendHost)));
        blocks.Add(Blocks.Fields([.. facts]));

        if (card.IsLive)
        {
            var burn = card.PassphraseRequired
                ? Blocks.Button(SecretCardText.BurnButton, ActionIds.BurnWithPassphrase, card.ReceiptId, "danger")
                : Blocks.Button(SecretCardText.BurnButton, ActionIds.Burn, card.ReceiptId, "danger", Blocks.Confirm(
                    SecretCardText.BurnConfirmTitle, SecretCardText.BurnConfirmText, SecretCardText.BurnConfirmYes, SecretCardText.BurnConfirmNo));
            blocks.Add(Blocks.Actions(Blocks.Button(SecretCardText.CheckStatusButton, ActionIds.CheckStatus, card.ReceiptId), burn));
            blocks.Add(Blocks.Context(card.SentTo is not null ? DirectMessageText.SentToWarning
                : card.NotSent is not null ? DirectMessageText.PassItOnYourself
                : SecretCardText.OpenOnceWarning));
        }

        return new SlackReply(DirectMessageText.CardFallback(card, DirectMessageBlocks.Mention), blocks, replaceOriginal);
    }

    /// <summary>An error card is a notice: what went wrong, then what to do.</summary>
    public static SlackReply Render(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return SlackMessages.Notice(new Notice(error.Message, error.Hint));
    }

    private static string Fact(string label, string value) => $"*{label}*\n{value}";
}
