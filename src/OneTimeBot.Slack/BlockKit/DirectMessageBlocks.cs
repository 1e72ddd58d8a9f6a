using OneTimeBot.Core.Workspaces;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// Lays out each <see cref="DirectMessage"/> the bot sends a person in their DM, in the words of
/// <see cref="DirectMessageText"/>. People are Slack mentions, which every reader's client shows by their current name;
/// times are shown in the reader's own time zone. A link sent to its recipient never comes with its secret or passphrase.
/// </summary>
public static class DirectMessageBlocks
{
    public static SlackReply Render(DirectMessage message) => message switch
    {
        LinkForYou link => LinkForYou(link),
        LinkStatusChanged changed => StatusChanged(changed),
        SecretAsked asked => SecretAsked(asked),
        RequestDeclined declined => RequestDeclined(declined),
        _ => throw new ArgumentOutOfRangeException(nameof(message), message?.GetType().Name, "A direct message Block Kit has no layout for."),
    };

    /// <summary>A person as Slack shows them: a mention of their user id, or their name when the id is not a Slack one.</summary>
    public static string Mention(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        return SlackText.IsUserId(person.UserId) ? $"<@{person.UserId}>" : Blocks.Escape(person.Name ?? DirectMessageText.Someone);
    }


    private static SlackReply LinkForYou(LinkForYou message)
    {
        var card = message.Card;
        var from = Mention(message.From);
        var blocks = new JsonArray { Blocks.Header(DirectMessageText.LinkForYouTitle(message)) };
        blocks.Add(card.IsLive && card.Link is { } link
            ? Blocks.Section($"{DirectMessageText.SentYouALink(from)}\n{Blocks.Escape(link.ToString())}")
            : Blocks.Section(SecretCardText.StatusSentence(card, Blocks.LocalDate)));
        if (message.Note is { Length: > 0 } note)
        {
            blocks.Add(Blocks.Section(DirectMessageText.AnswersYourRequest(Blocks.Escape(note))));
        }

        var (expiryLabel, expiry) = SecretCardText.ExpiryFact(card, Blocks.LocalDate);
        blocks.Add(Blocks.Fields(
            $"*{expiryLabel}*\n{expiry}",
            $"*{SecretCardText.PassphraseLabel}*\n{DirectMessageText.PassphraseFact(card.PassphraseRequired, from)}"));
        if (card.IsLive)
        {
            blocks.Add(Blocks.Context(DirectMessageText.OpenOnce));
        }

        return new SlackReply(DirectMessageText.LinkForYouFallback(message, from), blocks);
    }

    private static SlackReply StatusChanged(LinkStatusChanged message)
    {
        var sentTo = message.SentTo is { } to ? Mention(to) : null;
        JsonArray blocks =
        [
            Blocks.Header(DirectMessageText.StatusChangedTitle(message)),
            Blocks.Section(DirectMessageText.StatusChangedSentence(message, sentTo, Blocks.LocalDate(message.At))),
            Blocks.Context(DirectMessageText.SharedAt(Blocks.LocalDate(message.Created))),
        ];
        return new SlackReply(DirectMessageText.StatusChangedFallback(message, sentTo), blocks);
    }

    private static SlackReply SecretAsked(SecretAsked message)
    {
        var from = Mention(message.From);
        var asks = DirectMessageText.AsksYouFor(from, Blocks.Escape(message.Note));
        JsonArray blocks =
        [
            Blocks.Header(DirectMessageText.SecretAskedTitle),
            Blocks.Section(asks),
            Blocks.Actions(
                Blocks.Button(DirectMessageText.SendSecurelyButton, ActionIds.AnswerRequest, message.RequestId, "primary"),
                Blocks.Button(DirectMessageText.DeclineButton, ActionIds.DeclineRequest, message.RequestId)),
            Blocks.Context(DirectMessageText.HowToAnswer(from, Blocks.LocalDate(message.ExpiresAt))),
        ];
        return new SlackReply(asks, blocks);
    }

    private static SlackReply RequestDeclined(RequestDeclined message)
    {
        var declined = DirectMessageText.DeclinedYourRequest(Mention(message.By), Blocks.Escape(message.Note));
        JsonArray blocks =
        [
            Blocks.Header(DirectMessageText.RequestDeclinedTitle),
            Blocks.Section(declined),
            Blocks.Context(DirectMessageText.DeclinedHint),
        ];
        return new SlackReply(declined, blocks);
    }
}
