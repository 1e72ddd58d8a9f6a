using OneTimeBot.Core.Errors;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// The Block Kit reply for a <see cref="SecretCard"/> or a <see cref="SharingError"/>. A live card shows the link, the
/// expiry in each reader's local time and in words, the passphrase note, the obscured recipient and the service, and
/// offers Check status and Burn now; it never offers a button that opens the link, which would burn the secret for
/// its sender. Never the secret, a generated value or a metadata key: the card model does not hold them.
/// </summary>
public static class CardBlocks
{
    public const string CheckStatusAction = "receipt_status";
    public const string BurnAction = "receipt_burn";

    /// <summary>Burn of a secret with a passphrase: opens a modal that asks for it, which is the confirmation too.</summary>
    public const string BurnWithPassphraseAction = "receipt_burn_passphrase";

    public static SlackReply Render(SecretCard card, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(card);
        var blocks = new JsonArray { Blocks.Header(Title(card)) };

        if (card.IsLive && card.Link is { } link)
        {
            blocks.Add(Blocks.Section($"*One-time link:*\n{Blocks.Escape(link.ToString())}"));
        }
        else
        {
            blocks.Add(Blocks.Section(StatusSentence(card)));
        }

        var facts = new List<string>
        {
            card.IsLive
                ? $"*Expires*\n{Blocks.LocalDate(card.ExpiresAt)} ({card.TtlText})"
                : $"*Lifetime*\n{card.TtlText}",
            $"*Passphrase*\n{(card.PassphraseRequired ? "Required: tell it to the recipient another way" : "None")}",
        };
        if (card.Recipient is { } recipient)
        {
            // An obscured address is full of asterisks, which mrkdwn would read as bold: shown as look-alike ∗ instead.
            facts.Add($"*Recipient*\n{Blocks.Escape(recipient).Replace('*', '\u2217')}");
        }

        facts.Add($"*Secret service*\n{Blocks.Escape(card.BackendHost)}");
        blocks.Add(Blocks.Fields([.. facts]));

        if (card.IsLive)
        {
            var burn = card.PassphraseRequired
                ? Blocks.Button("Burn now", BurnWithPassphraseAction, card.ReceiptId, "danger")
                : Blocks.Button("Burn now", BurnAction, card.ReceiptId, "danger", Blocks.Confirm(
                    "Burn this secret?",
                    "The link stops working for everyone, now. This cannot be undone.",
                    "Burn it",
                    "Keep it"));
            blocks.Add(Blocks.Actions(Blocks.Button("Check status", CheckStatusAction, card.ReceiptId), burn));
            blocks.Add(Blocks.Context("Paste the link only where its recipient will see it. Opening it shows the secret once and destroys it, so don't open it yourself."));
        }

        return new SlackReply(Fallback(card), blocks, Ephemeral: true, ReplaceOriginal: replaceOriginal);
    }

    public static SlackReply Render(SharingError error, bool replaceOriginal = false)
    {
        ArgumentNullException.ThrowIfNull(error);
        var blocks = new JsonArray
        {
            Blocks.Section($":warning: *{Blocks.Escape(error.Message)}*"),
            Blocks.Context(Blocks.Escape(error.Hint)),
        };
        return new SlackReply($"{error.Message} {error.Hint}", blocks, Ephemeral: true, ReplaceOriginal: replaceOriginal);
    }

    private static string Title(SecretCard card) => card.Status switch
    {
        SecretStatus.New when card.Generated => ":key: Generated password, behind a one-time link",
        SecretStatus.New => ":lock: Your one-time link is ready",
        SecretStatus.Viewed => ":eyes: Viewed: the secret was opened and is gone",
        SecretStatus.Burned => ":fire: Burned: nobody can open this link now",
        _ => ":hourglass: Expired: the link was never opened",
    };

    private static string StatusSentence(SecretCard card)
    {
        var when = card.StatusChangedAt is { } at ? " " + Blocks.LocalDate(at) : "";
        return card.Status switch
        {
            SecretStatus.Viewed => $"The recipient opened the link{when}. The secret no longer exists anywhere.",
            SecretStatus.Burned => $"You burned the secret{when}. The link shows nothing to anyone.",
            _ => $"The secret expired unread{when} and was deleted.",
        };
    }

    private static string Fallback(SecretCard card) => card.Status switch
    {
        SecretStatus.New => $"One-time link: {card.Link} (expires in {card.TtlText})",
        SecretStatus.Viewed => "Your secret was viewed and is gone.",
        SecretStatus.Burned => "Your secret was burned.",
        _ => "Your secret expired unread.",
    };
}
