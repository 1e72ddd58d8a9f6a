using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// What the Slack app says about a request for a secret, besides the message to the person asked (a
/// <see cref="DirectMessageBlocks"/> layout): to the requester once it is sent, and in place of that message once it
/// was answered or declined. The answer's link is never shown to the person who answered, unless it could not be sent.
/// </summary>
public static class RequestBlocks
{
    /// <summary>The requester's private answer to their request.</summary>
    public static SlackReply Render(Result<SecretRequest, SharingError> result) =>
        result.IsSuccess ? Sent(result.Value) : CardBlocks.Render(result.Error);

    public static SlackReply Sent(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = SlackStrings.Format("Request.Sent", DirectMessageBlocks.Mention(request.Asked), Blocks.Escape(request.Note));
        JsonArray blocks =
        [
            Blocks.Section($"📨 *{asked}*"),
            Blocks.Context(SlackStrings.Format("Request.Sent.Hint", Blocks.LocalDate(request.ExpiresAt))),
        ];
        return new SlackReply(asked, blocks);
    }

    /// <summary>In place of the request, for the person who answered it: what went to whom, without the link.</summary>
    public static SlackReply Answered(RequestAnswered answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var card = answered.Card;
        var requester = DirectMessageBlocks.Mention(answered.Request.From);
        if (card.SentTo is null)
        {
            // Not delivered: the one case where the answerer gets the link, to pass on, with why.
            var notSent = CardBlocks.Render(card, replaceOriginal: true);
            notSent.Blocks.Insert(1, Blocks.Section(SlackStrings.Format("Request.AnsweredNotSent", requester, Blocks.Escape(answered.Request.Note))));
            return notSent;
        }

        var sent = SlackStrings.Format("Request.Answered", requester, Blocks.Escape(answered.Request.Note));
        var (expiryLabel, expiry) = SecretCardText.ExpiryFact(card, Blocks.LocalDate);
        JsonArray blocks =
        [
            Blocks.Section($":white_check_mark: *{sent}*"),
            Blocks.Fields($"*{expiryLabel}*\n{expiry}", $"*{SecretCardText.PassphraseLabel}*\n{SecretCardText.PassphraseFact(card)}"),
            Blocks.Context(SlackStrings.Get("Request.Answered.Hint")),
        ];
        return new SlackReply(sent, blocks, ReplaceOriginal: true);
    }

    /// <summary>In place of the request, for the person who declined it.</summary>
    public static SlackReply Declined(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declined = SlackStrings.Format("Request.Declined", DirectMessageBlocks.Mention(request.From), Blocks.Escape(request.Note));
        JsonArray blocks =
        [
            Blocks.Section($"🙅 *{declined}*"),
            Blocks.Context(SlackStrings.Get("Request.Declined.Hint")),
        ];
        return new SlackReply(declined, blocks, ReplaceOriginal: true);
    }

    /// <summary>In a DM, where no form can be opened from a typed message: the button that opens the request form.</summary>
    public static SlackReply FormButton() => new(
        SlackStrings.Get("Request.FormButton.Fallback"),
        [
            Blocks.Section(SlackStrings.Get("Request.FormButton")),
            Blocks.Actions(OpenFormButton()),
        ]);

    public static JsonObject OpenFormButton() => Blocks.Button(SlackStrings.Get("Button.Request"), ActionIds.OpenRequestForm, "request");

    /// <summary>
    /// A request names someone it cannot go to (a channel, a group, a name Slack does not know): nobody was asked, and
    /// how to name one person.
    /// </summary>
    public static SlackReply NotOnePerson(Payloads.LeadingName leading, string slashCommand)
    {
        ArgumentNullException.ThrowIfNull(leading);
        var nameOnePerson = SlackStrings.Format("Request.NameOnePerson", slashCommand);
        // The first word is not quoted, as a share's refusal does not quote it: there it may be the start of a secret.
        var notice = leading.Kind switch
        {
            Payloads.LeadingNameKind.Channel => new Notice(SlackStrings.Get("Request.NotOnePerson.Channel"), nameOnePerson),
            Payloads.LeadingNameKind.Group => new Notice(SlackStrings.Get("Request.NotOnePerson.Group"), nameOnePerson),
            Payloads.LeadingNameKind.Unrecognised => new Notice(SlackStrings.Get("Request.NotOnePerson.Unrecognised"), SlackStrings.Get("PickFromList")),
            _ => new Notice(SlackStrings.Get("Request.NotOnePerson.Unreadable"), nameOnePerson),
        };
        return SlackMessages.Notice(notice, ":no_entry:");
    }
}
