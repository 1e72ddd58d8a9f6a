using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Teams.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The Adaptive Card for a <see cref="SecretCard"/> or a <see cref="SharingError"/>, in the words of
/// <see cref="SecretCardText"/>: title, the link as text and as Action.OpenUrl (for the recipient), the expiry in each
/// reader's local time and in words, the passphrase note, the obscured recipient, and Check status and Burn now for
/// the sender. Never the secret or a generated value. Its title and the warning under the link speak to whoever reads
/// it: the sender in their chat with the bot, or the recipients of a message the card was put into.
/// </summary>
public static class SecretCardRenderer
{
    public static JsonObject Render(Result<SecretCard, SharingError> result, CardAudience audience) =>
        result.IsSuccess ? Render(result.Value, audience) : Render(result.Error);

    public static JsonObject Render(SecretCard card, CardAudience audience)
    {
        ArgumentNullException.ThrowIfNull(card);
        var body = new JsonArray { AdaptiveCard.Title(SecretCardText.Title(card, audience)) };
        if (card.NotSent is { } notSent)
        {
            // First, before the link: the sender expected it to be on its way.
            body.Add(AdaptiveCard.Text($"⚠️ {DirectMessageText.NotSentTo(Named(notSent.To))} {AdaptiveCard.Plain(notSent.Problem)}", color: "Attention"));
        }

        body.Add(card.IsLive && card.Link is { } link
            ? AdaptiveCard.Text(link.ToString(), size: "Small")
            : AdaptiveCard.Text(SecretCardText.StatusSentence(card, AdaptiveCard.LocalDateTime)));
        if (card.SentTo is { } sentTo)
        {
            body.Add(AdaptiveCard.Text(DirectMessageText.SentTo(Named(sentTo))));
        }

        var facts = new List<(string, string)>
        {
            SecretCardText.ExpiryFact(card, AdaptiveCard.LocalDateTime),
            (SecretCardText.PassphraseLabel, SecretCardText.PassphraseFact(card)),
        };
        if (card.Recipient is { } recipient)
        {
            facts.Add((SecretCardText.RecipientLabel, AdaptiveCard.Plain(recipient)));
        }

        facts.Add((SecretCardText.ServiceLabel, card.BackendHost));
        body.Add(AdaptiveCard.Facts([.. facts]));

        var actions = new JsonArray();
        if (card.IsLive && card.Link is { } url)
        {
            body.Add(AdaptiveCard.Text(
                card.SentTo is not null ? DirectMessageText.SentToWarning
                : card.NotSent is not null ? DirectMessageText.PassItOnYourself
                : SecretCardText.Warning(audience),
                subtle: true, size: "Small"));
            actions.Add(AdaptiveCard.OpenUrl(SecretCardText.OpenLinkButton, url));
            actions.Add(AdaptiveCard.Submit(SecretCardText.CheckStatusButton, Data(CardActions.Status, card.ReceiptId)));
            actions.Add(card.PassphraseRequired ? BurnWithPassphrase(card.ReceiptId) : AdaptiveCard.Submit(SecretCardText.BurnButton, Data(CardActions.Burn, card.ReceiptId), "destructive"));
        }

        return AdaptiveCard.Card(DirectMessageText.CardFallback(card, p => Named(p)), body, actions);
    }

    /// <summary>Whom a link was sent to, by the name Teams gave; someone picked by id alone is "the person you picked".</summary>
    private static string Named(Person person) => DirectMessageCards.Name(person, DirectMessageText.PersonYouPicked);

    public static JsonObject Render(SharingError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return AdaptiveCard.Card(SecretCardText.Fallback(error),
        [
            AdaptiveCard.Text("⚠️ " + error.Message, color: "Attention"),
            AdaptiveCard.Text(error.Hint, subtle: true),
        ]);
    }

    /// <summary>
    /// Burning a secret shared with a passphrase takes the passphrase: Burn now opens a small form under the card that
    /// asks for it, and its button (the confirmation too) sends it with the receipt. A wrong one is answered privately
    /// and the form stays on the card, to try again.
    /// </summary>
    private static JsonObject BurnWithPassphrase(string receiptId) => new()
    {
        ["type"] = "Action.ShowCard",
        ["title"] = SecretCardText.BurnButton,
        ["card"] = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["body"] = new JsonArray(
                AdaptiveCard.Text(SecretCardText.BurnConfirmText),
                new JsonObject
                {
                    ["type"] = "Input.Text",
                    ["id"] = FormCards.PassphraseInput,
                    ["label"] = TeamsStrings.Get("Burn.Passphrase"),
                    ["style"] = "Password",
                    ["isRequired"] = true,
                    ["errorMessage"] = TeamsStrings.Get("Burn.Passphrase.Needed"),
                    ["placeholder"] = TeamsStrings.Get("Burn.Passphrase.Placeholder"),
                    ["maxLength"] = SharingRules.MaxPassphrase,
                }),
            ["actions"] = new JsonArray(AdaptiveCard.Submit(SecretCardText.BurnConfirmYes, Data(CardActions.Burn, receiptId), "destructive")),
        },
    };

    private static JsonObject Data(string action, string receiptId) => new() { [CardActions.Key] = action, [CardActions.ReceiptKey] = receiptId };
}
