using OneTimeBot.Core.Errors;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The Adaptive Card for a <see cref="SecretCard"/> or a <see cref="SharingError"/>: title, the link as text and as
/// Action.OpenUrl (for the recipient), the expiry in each reader's local time and in words, the passphrase note, the
/// obscured recipient, and Check status and Burn now for the sender. Never the secret or a generated value.
/// </summary>
public static class SecretCardRenderer
{
    public static JsonObject Render(SecretCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new JsonArray { AdaptiveCard.Title(Title(card)) };
        var facts = new List<(string, string)>();
        if (card.IsLive && card.Link is { } link)
        {
            body.Add(AdaptiveCard.Text(link.ToString(), size: "Small"));
            facts.Add(("Expires", $"{AdaptiveCard.LocalDateTime(card.ExpiresAt)} (in {card.TtlText})"));
        }
        else
        {
            body.Add(AdaptiveCard.Text(StatusSentence(card)));
            facts.Add(("Lifetime", card.TtlText));
        }

        facts.Add(("Passphrase", card.PassphraseRequired ? "Required: tell it to the recipient another way" : "None"));
        if (card.Recipient is { } recipient)
        {
            facts.Add(("Recipient", AdaptiveCard.Plain(recipient)));
        }

        facts.Add(("Secret service", card.BackendHost));
        body.Add(AdaptiveCard.Facts([.. facts]));

        var actions = new JsonArray();
        if (card.IsLive && card.Link is { } url)
        {
            body.Add(AdaptiveCard.Text("Opening the link shows the secret once and destroys it. Only its recipient should open it.", subtle: true, size: "Small"));
            actions.Add(AdaptiveCard.OpenUrl("Open the secret (once)", url));
            actions.Add(AdaptiveCard.Submit("Check status", Data(CardActions.Status, card.ReceiptId)));
            actions.Add(AdaptiveCard.Submit("Burn now", Data(CardActions.Burn, card.ReceiptId), "destructive"));
        }

        return AdaptiveCard.Card(Fallback(card), body, actions);
    }

    public static JsonObject Render(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return AdaptiveCard.Card($"{error.Message} {error.Hint}",
        [
            AdaptiveCard.Text("⚠️ " + error.Message, color: "Attention"),
            AdaptiveCard.Text(error.Hint, subtle: true),
        ]);
    }

    private static JsonObject Data(string action, string receiptId) => new() { [CardActions.Key] = action, [CardActions.ReceiptKey] = receiptId };

    private static string Title(SecretCard card) => card.Status switch
    {
        SecretStatus.New when card.Generated => "🔑 A generated password, behind a one-time link",
        SecretStatus.New => "🔒 A one-time secret",
        SecretStatus.Viewed => "👀 Viewed: the secret was opened and is gone",
        SecretStatus.Burned => "🔥 Burned: nobody can open this link now",
        _ => "⌛ Expired: the link was never opened",
    };

    private static string StatusSentence(SecretCard card)
    {
        var when = card.StatusChangedAt is { } at ? " " + AdaptiveCard.LocalDateTime(at) : "";
        return card.Status switch
        {
            SecretStatus.Viewed => $"The recipient opened the link{when}. The secret no longer exists anywhere.",
            SecretStatus.Burned => $"The secret was burned{when}. The link shows nothing to anyone.",
            _ => $"The secret expired unread{when} and was deleted.",
        };
    }

    private static string Fallback(SecretCard card) => card.Status switch
    {
        SecretStatus.New => $"One-time link: {card.Link} (expires in {card.TtlText})",
        SecretStatus.Viewed => "The secret was viewed and is gone.",
        SecretStatus.Burned => "The secret was burned.",
        _ => "The secret expired unread.",
    };
}
