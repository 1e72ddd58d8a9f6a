using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The Adaptive Card for each <see cref="DirectMessage"/> the bot sends a person in their 1:1 chat with it, in the
/// words of <see cref="DirectMessageText"/>. People are written by the name Teams gave; times are shown in the reader's
/// own time zone. A link sent to its recipient never comes with its secret or passphrase, and its card has no button
/// but the one that opens it.
/// </summary>
public static class DirectMessageCards
{
    public static JsonObject Render(DirectMessage message) => message switch
    {
        LinkForYou link => LinkForYou(link),
        LinkStatusChanged changed => StatusChanged(changed),
        SecretAsked asked => SecretAsked(asked),
        RequestDeclined declined => RequestDeclined(declined),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message?.GetType().Name, "A direct message Adaptive Cards have no layout for."),
    };

    /// <summary>A person as a card names them: the name Teams gave, as plain text, else <paramref name="otherwise"/> (by default "someone" in the reader's words).</summary>
    public static string Name(Person person, string? otherwise = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        return person.Name is { Length: > 0 } name ? AdaptiveCard.Plain(name) : otherwise ?? DirectMessageText.Someone;
    }

    private static JsonObject LinkForYou(LinkForYou message)
    {
        var card = message.Card;
        var from = Name(message.From);
        var body = new JsonArray { AdaptiveCard.Title(DirectMessageText.LinkForYouTitle(message)) };
        var actions = new JsonArray();
        if (card.IsLive && card.Link is { } link)
        {
            body.Add(AdaptiveCard.Text(DirectMessageText.SentYouALink(from)));
            body.Add(AdaptiveCard.Text(link.ToString(), size: "Small"));
            actions.Add(AdaptiveCard.OpenUrl(SecretCardText.OpenLinkButton, link));
        }
        else
        {
            body.Add(AdaptiveCard.Text(SecretCardText.StatusSentence(card, AdaptiveCard.LocalDateTime)));
        }

        if (message.Note is { Length: > 0 } note)
        {
            body.Add(AdaptiveCard.Text(DirectMessageText.AnswersYourRequest(AdaptiveCard.Plain(note))));
        }

        body.Add(AdaptiveCard.Facts(
            SecretCardText.ExpiryFact(card, AdaptiveCard.LocalDateTime),
            (SecretCardText.PassphraseLabel, DirectMessageText.PassphraseFact(card.PassphraseRequired, from))));
        if (card.IsLive)
        {
            body.Add(AdaptiveCard.Text(DirectMessageText.OpenOnce, subtle: true, size: "Small"));
        }

        return AdaptiveCard.Card(DirectMessageText.LinkForYouFallback(message, from), body, actions);
    }

    private static JsonObject StatusChanged(LinkStatusChanged message)
    {
        var sentTo = message.SentTo is { } to ? Name(to, DirectMessageText.PersonYouPicked) : null;
        return AdaptiveCard.Card(DirectMessageText.StatusChangedFallback(message, sentTo),
        [
            AdaptiveCard.Title(DirectMessageText.StatusChangedTitle(message)),
            AdaptiveCard.Text(DirectMessageText.StatusChangedSentence(message, sentTo, AdaptiveCard.LocalDateTime(message.At))),
            AdaptiveCard.Text(DirectMessageText.SharedAt(AdaptiveCard.LocalDateTime(message.Created)), subtle: true, size: "Small"),
        ]);
    }

    private static JsonObject SecretAsked(SecretAsked message)
    {
        var from = Name(message.From);
        var asks = DirectMessageText.AsksYouFor(from, AdaptiveCard.Plain(message.Note));
        return AdaptiveCard.Card(asks,
            [
                AdaptiveCard.Title(DirectMessageText.SecretAskedTitle),
                AdaptiveCard.Text(asks),
                AdaptiveCard.Text(DirectMessageText.HowToAnswer(from, AdaptiveCard.LocalDateTime(message.ExpiresAt)), subtle: true, size: "Small"),
            ],
            [
                AdaptiveCard.Submit(DirectMessageText.SendSecurelyButton, Request(CardActions.AnswerRequest, message.RequestId), "positive"),
                AdaptiveCard.Submit(DirectMessageText.DeclineButton, Request(CardActions.DeclineRequest, message.RequestId)),
            ]);
    }

    private static JsonObject RequestDeclined(RequestDeclined message)
    {
        var declined = DirectMessageText.DeclinedYourRequest(Name(message.By, DirectMessageText.PersonYouAsked), AdaptiveCard.Plain(message.Note));
        return AdaptiveCard.Card(declined,
        [
            AdaptiveCard.Title(DirectMessageText.RequestDeclinedTitle),
            AdaptiveCard.Text(declined),
            AdaptiveCard.Text(DirectMessageText.DeclinedHint, subtle: true),
        ]);
    }

    private static JsonObject Request(string action, string requestId) => new() { [CardActions.Key] = action, [CardActions.RequestKey] = requestId };
}
