using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeSecret.Client;

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
        var asked = $"I asked {DirectMessageBlocks.Mention(request.Asked)} for: {Blocks.Escape(request.Note)}";
        JsonArray blocks =
        [
            Blocks.Section($"📨 *{asked}*"),
            Blocks.Context($"When they send it, its one-time link comes to you in your DM with OneTimeBot. They can answer until {Blocks.LocalDate(request.ExpiresAt)}; if they decline, you'll hear that too."),
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
            notSent.Blocks.Insert(1, Blocks.Section($"*Your answer to {requester}'s request for:* {Blocks.Escape(answered.Request.Note)}"));
            return notSent;
        }

        var sent = $"You sent {requester} a one-time link for: {Blocks.Escape(answered.Request.Note)}";
        var (expiryLabel, expiry) = SecretCardText.ExpiryFact(card, Blocks.LocalDate);
        JsonArray blocks =
        [
            Blocks.Section($":white_check_mark: *{sent}*"),
            Blocks.Fields($"*{expiryLabel}*\n{expiry}", $"*{SecretCardText.PassphraseLabel}*\n{SecretCardText.PassphraseFact(card)}"),
            Blocks.Context("Only they can open it, in their DM with OneTimeBot, and it shows the secret once. No chat holds the secret."),
        ];
        return new SlackReply(sent, blocks, ReplaceOriginal: true);
    }

    /// <summary>In place of the request, for the person who declined it.</summary>
    public static SlackReply Declined(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declined = $"You declined {DirectMessageBlocks.Mention(request.From)}'s request for: {Blocks.Escape(request.Note)}";
        JsonArray blocks =
        [
            Blocks.Section($"🙅 *{declined}*"),
            Blocks.Context("They were told. Nothing was shared."),
        ];
        return new SlackReply(declined, blocks, ReplaceOriginal: true);
    }

    /// <summary>In a DM, where no form can be opened from a typed message: the button that opens the request form.</summary>
    public static SlackReply FormButton() => new(
        "Request a secret: press the button to open the form.",
        [
            Blocks.Section("Press *Request a secret* to pick the person who has it and say what it is for. What they send comes back to you here, as a one-time link."),
            Blocks.Actions(OpenFormButton()),
        ]);

    public static JsonObject OpenFormButton() => Blocks.Button("Request a secret", ActionIds.OpenRequestForm, "request");

    /// <summary>
    /// A request names someone it cannot go to (a channel, a group, a name Slack does not know): nobody was asked, and
    /// how to name one person.
    /// </summary>
    public static SlackReply NotOnePerson(Payloads.LeadingName leading, string slashCommand)
    {
        ArgumentNullException.ThrowIfNull(leading);
        var nameOnePerson = $"Name one person, e.g. {slashCommand} request @bob the staging DB password, or use {slashCommand} request alone for the form.";
        // The first word is not quoted, as a share's refusal does not quote it: there it may be the start of a secret.
        var notice = leading.Kind switch
        {
            Payloads.LeadingNameKind.Channel => new Notice("A request goes to one person, and the first word names a channel, so nobody was asked.", nameOnePerson),
            Payloads.LeadingNameKind.Group => new Notice("A request goes to one person, and the first word names a group of people, so nobody was asked.", nameOnePerson),
            Payloads.LeadingNameKind.Unrecognised => new Notice("The first word starts with @ but is not a person Slack knows, so nobody was asked.", "Pick the person from the list Slack shows as you type @."),
            _ => new Notice("That name is not a Slack mention I can read, so nobody was asked.", nameOnePerson),
        };
        return SlackMessages.Notice(notice, ":no_entry:");
    }
}
