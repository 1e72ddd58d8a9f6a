using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Cards;

/// <summary>
/// The cards for asking someone for a secret in the Teams chat: the request form with Teams' people picker, what the
/// requester reads once it is sent, the answer form the person asked fills in, and what their card becomes once they
/// answered or declined. A form shown again keeps what was typed, except a secret or passphrase.
/// </summary>
public static class RequestCards
{
    /// <summary>Teams' own people search in a card: the value is the person's Azure AD object id.</summary>
    public const string PeopleDataset = "graph.microsoft.com/users";

    public static JsonObject Form(FormValues? typed = null, SharingError? error = null)
    {
        var body = new JsonArray
        {
            AdaptiveCard.Title("🙋 " + TeamsStrings.Get("Request.Title")),
            AdaptiveCard.Text(TeamsStrings.Format("Request.Intro", DirectMessageText.SendSecurelyButton, DirectMessageText.DeclineButton)),
        };
        FormCards.AddError(body, error);
        var picker = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = RequestRules.PersonField,
            ["label"] = TeamsStrings.Get("Request.Person"),
            ["placeholder"] = TeamsStrings.Get("Form.PeoplePlaceholder"),
            ["isRequired"] = true,
            ["errorMessage"] = TeamsStrings.Get("Request.Person.Missing"),
            ["isMultiSelect"] = false,
            // A choice set needs one static choice: this one, which a host without Teams' people search shows alone,
            // names nobody, so picking it is answered with "say who to ask".
            ["choices"] = new JsonArray(new JsonObject { ["title"] = TeamsStrings.Get("Request.Person.Choice"), ["value"] = FormCards.Nobody }),
            ["choices.data"] = new JsonObject { ["type"] = "Data.Query", ["dataset"] = PeopleDataset },
        };
        // Teams shows the person again from their object id, so a form shown after a mistake keeps the pick.
        if (FormCards.PickedPerson(typed?[RequestRules.PersonField]) is { } picked)
        {
            picker["value"] = picked;
        }

        body.Add(picker);
        body.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = RequestRules.NoteField,
            ["label"] = TeamsStrings.Get("Request.Note"),
            ["placeholder"] = TeamsStrings.Get("Request.Note.Placeholder"),
            ["isRequired"] = true,
            ["errorMessage"] = TeamsStrings.Get("Request.Note.Missing"),
            ["maxLength"] = RequestRules.MaxNote,
            ["value"] = typed?[RequestRules.NoteField] ?? "",
        });
        body.Add(AdaptiveCard.Text(TeamsStrings.Get("Request.Note.Hint"), subtle: true, size: "Small"));
        return AdaptiveCard.Card(TeamsStrings.Get("Request.Title"), body, [AdaptiveCard.Submit(TeamsStrings.Get("Request.Submit"), new JsonObject { [CardActions.Key] = CardActions.SubmitRequest }, "positive")]);
    }

    /// <summary>The requester's answer to their request: sent, or why not.</summary>
    public static JsonObject Render(Result<SecretRequest, SharingError> result) =>
        result.IsSuccess ? Sent(result.Value) : SecretCardRenderer.Render(result.Error);

    public static JsonObject Sent(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = TeamsStrings.Format("Request.Sent.Asked", DirectMessageCards.Name(request.Asked, DirectMessageText.PersonYouPicked), AdaptiveCard.Plain(request.Note));
        return AdaptiveCard.Card(asked,
        [
            AdaptiveCard.Title(TeamsStrings.Get("Request.Sent.Title")),
            AdaptiveCard.Text(asked),
            AdaptiveCard.Text(TeamsStrings.Format("Request.Sent.Hint", AdaptiveCard.LocalDateTime(request.ExpiresAt)), subtle: true, size: "Small"),
        ]);
    }

    /// <summary>
    /// The form the person asked fills in, in place of the message that asked them: what was asked, the secret, their
    /// organisation's expiries and an optional passphrase.
    /// </summary>
    public static JsonObject AnswerForm(SecretRequest request, WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(settings);
        var from = DirectMessageCards.Name(request.From);
        var body = new JsonArray
        {
            AdaptiveCard.Title(TeamsStrings.Get("Answer.Title")),
            AdaptiveCard.Text(DirectMessageText.AsksYouFor(from, "**" + AdaptiveCard.Plain(request.Note) + "**")),
        };
        FormCards.AddError(body, error);
        body.Add(FormCards.Secret(error?.Field == SharingError.SecretField));
        body.Add(FormCards.Expiry(settings, typed?[FormCards.TtlInput]));
        body.Add(FormCards.Password(FormCards.PassphraseInput, TeamsStrings.Get("Form.Passphrase"), TeamsStrings.Get("Answer.Passphrase.Placeholder")));
        body.Add(AdaptiveCard.Text(TeamsStrings.Format("Answer.Footer", from, AdaptiveCard.LocalDateTime(request.ExpiresAt)), subtle: true, size: "Small"));
        return AdaptiveCard.Card(DirectMessageText.AsksYouFor(from, AdaptiveCard.Plain(request.Note)), body,
            [AdaptiveCard.Submit(TeamsStrings.Get("Answer.Submit"), new JsonObject { [CardActions.Key] = CardActions.SubmitAnswer, [CardActions.RequestKey] = request.Id }, "positive")]);
    }

    /// <summary>
    /// In place of the answer form, once the secret was made: what went to whom, without the link; or, when it could not
    /// be sent, the link to pass on and why.
    /// </summary>
    public static JsonObject Answered(RequestAnswered answered)
    {
        ArgumentNullException.ThrowIfNull(answered);
        var card = answered.Card;
        var requester = DirectMessageCards.Name(answered.Request.From, DirectMessageText.PersonYouAsked);
        var facts = AdaptiveCard.Facts(SecretCardText.ExpiryFact(card, AdaptiveCard.LocalDateTime), (SecretCardText.PassphraseLabel, SecretCardText.PassphraseFact(card)));
        if (card.NotSent is { } notSent)
        {
            var notSentTo = DirectMessageText.NotSentTo(DirectMessageCards.Name(notSent.To, requester));
            return AdaptiveCard.Card($"{notSentTo} {notSent.Problem}",
            [
                AdaptiveCard.Title("⚠️ " + notSentTo),
                AdaptiveCard.Text(TeamsStrings.Format("Answered.Yours", requester, AdaptiveCard.Plain(answered.Request.Note))),
                AdaptiveCard.Text(AdaptiveCard.Plain(notSent.Problem), color: "Attention"),
                AdaptiveCard.Text(card.Link?.ToString() ?? "", size: "Small"),
                facts,
                AdaptiveCard.Text(DirectMessageText.PassItOnYourself, subtle: true, size: "Small"),
            ]);
        }

        var sent = TeamsStrings.Format("Answered.Sent", requester, AdaptiveCard.Plain(answered.Request.Note));
        return AdaptiveCard.Card(sent,
        [
            AdaptiveCard.Title(TeamsStrings.Get("Answered.Title")),
            AdaptiveCard.Text(sent),
            facts,
            AdaptiveCard.Text(TeamsStrings.Get("Answered.Hint"), subtle: true, size: "Small"),
        ]);
    }

    /// <summary>In place of the message that asked, for the person who declined.</summary>
    public static JsonObject Declined(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declined = TeamsStrings.Format("Declined.Yours", DirectMessageCards.Name(request.From, DirectMessageText.PersonYouAsked), AdaptiveCard.Plain(request.Note));
        return AdaptiveCard.Card(declined,
        [
            AdaptiveCard.Title(TeamsStrings.Get("Declined.Title")),
            AdaptiveCard.Text(declined),
            AdaptiveCard.Text(TeamsStrings.Get("Declined.Hint"), subtle: true),
        ]);
    }

    /// <summary>The button that opens <see cref="Form"/>, for the help and the chat's other cards.</summary>
    public static JsonObject OpenFormButton() => AdaptiveCard.Submit(TeamsStrings.Get("Action.Request"), new JsonObject { [CardActions.Key] = CardActions.OpenRequestForm });

    /// <summary>What a request's form read: the person picked (an object id, as only the picker sends) and the note, as typed.</summary>
    public static (Person? Asked, string? Note) Read(FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return (FormCards.PickedPerson(values[RequestRules.PersonField]) is { } id ? new Person(id) : null, values[RequestRules.NoteField]);
    }

    /// <summary>What an answer form read: the secret (or its fallback box), the expiry and the passphrase.</summary>
    public static RequestAnswer ReadAnswer(FormValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new RequestAnswer(
            new SecretText(values[FormCards.SecretInput] ?? values[FormCards.SecretFallbackInput] ?? ""),
            values[FormCards.TtlInput],
            SecretText.FromOptional(values[FormCards.PassphraseInput]));
    }
}
