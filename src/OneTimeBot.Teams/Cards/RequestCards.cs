using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
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
            AdaptiveCard.Title("🙋 Ask someone for a secret"),
            AdaptiveCard.Text("They get a message with **Send it securely** and **Decline**. What they send comes back to you here, as a one-time link: no chat ever holds the secret."),
        };
        FormCards.AddError(body, error);
        var picker = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = RequestRules.PersonField,
            ["label"] = "Who has it?",
            ["placeholder"] = "Type a name",
            ["isRequired"] = true,
            ["errorMessage"] = "Pick the person who has the secret.",
            ["isMultiSelect"] = false,
            // A choice set needs one static choice: this one, which a host without Teams' people search shows alone,
            // names nobody, so picking it is answered with "say who to ask".
            ["choices"] = new JsonArray(new JsonObject { ["title"] = "Type a name to find them", ["value"] = FormCards.Nobody }),
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
            ["label"] = "What is it for?",
            ["placeholder"] = "e.g. the staging DB password",
            ["isRequired"] = true,
            ["errorMessage"] = "Say what the secret is for.",
            ["maxLength"] = RequestRules.MaxNote,
            ["value"] = typed?[RequestRules.NoteField] ?? "",
        });
        body.Add(AdaptiveCard.Text("They see this in their message. Never put the secret itself here.", subtle: true, size: "Small"));
        return AdaptiveCard.Card("Ask someone for a secret", body, [AdaptiveCard.Submit("Send request", new JsonObject { [CardActions.Key] = CardActions.SubmitRequest }, "positive")]);
    }

    /// <summary>The requester's answer to their request: sent, or why not.</summary>
    public static JsonObject Render(Result<SecretRequest, SharingError> result) =>
        result.IsSuccess ? Sent(result.Value) : SecretCardRenderer.Render(result.Error);

    public static JsonObject Sent(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = $"I asked {DirectMessageCards.Name(request.Asked, DirectMessageText.PersonYouPicked)} for: {AdaptiveCard.Plain(request.Note)}";
        return AdaptiveCard.Card(asked,
        [
            AdaptiveCard.Title("📨 Your request is on its way"),
            AdaptiveCard.Text(asked),
            AdaptiveCard.Text($"When they send it, its one-time link comes to you here. They can answer until {AdaptiveCard.LocalDateTime(request.ExpiresAt)}; if they decline, you'll hear that too.", subtle: true, size: "Small"),
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
            AdaptiveCard.Title("🔐 Send a secret securely"),
            AdaptiveCard.Text(DirectMessageText.AsksYouFor(from, "**" + AdaptiveCard.Plain(request.Note) + "**")),
        };
        FormCards.AddError(body, error);
        body.Add(FormCards.Secret(error?.Field == SharingError.SecretField));
        body.Add(FormCards.Expiry(settings, typed?[FormCards.TtlInput]));
        body.Add(FormCards.Password(FormCards.PassphraseInput, "Passphrase (optional)", "Tell it to them another way"));
        body.Add(AdaptiveCard.Text($"The secret goes straight to the secret service; only a one-time link goes to {from}. The request expires {AdaptiveCard.LocalDateTime(request.ExpiresAt)}.", subtle: true, size: "Small"));
        return AdaptiveCard.Card(DirectMessageText.AsksYouFor(from, AdaptiveCard.Plain(request.Note)), body,
            [AdaptiveCard.Submit("Send securely", new JsonObject { [CardActions.Key] = CardActions.SubmitAnswer, [CardActions.RequestKey] = request.Id }, "positive")]);
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
                AdaptiveCard.Text($"Your answer to {requester}'s request for: {AdaptiveCard.Plain(answered.Request.Note)}"),
                AdaptiveCard.Text(AdaptiveCard.Plain(notSent.Problem), color: "Attention"),
                AdaptiveCard.Text(card.Link?.ToString() ?? "", size: "Small"),
                facts,
                AdaptiveCard.Text(DirectMessageText.PassItOnYourself, subtle: true, size: "Small"),
            ]);
        }

        var sent = $"You sent {requester} a one-time link for: {AdaptiveCard.Plain(answered.Request.Note)}";
        return AdaptiveCard.Card(sent,
        [
            AdaptiveCard.Title("✅ Sent securely"),
            AdaptiveCard.Text(sent),
            facts,
            AdaptiveCard.Text("Only they can open it, in their chat with OneTimeBot, and it shows the secret once. No chat holds the secret.", subtle: true, size: "Small"),
        ]);
    }

    /// <summary>In place of the message that asked, for the person who declined.</summary>
    public static JsonObject Declined(SecretRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var declined = $"You declined {DirectMessageCards.Name(request.From, DirectMessageText.PersonYouAsked)}'s request for: {AdaptiveCard.Plain(request.Note)}";
        return AdaptiveCard.Card(declined,
        [
            AdaptiveCard.Title("🙅 Declined"),
            AdaptiveCard.Text(declined),
            AdaptiveCard.Text("They were told. Nothing was shared.", subtle: true),
        ]);
    }

    /// <summary>The button that opens <see cref="Form"/>, for the help and the chat's other cards.</summary>
    public static JsonObject OpenFormButton() => AdaptiveCard.Submit("Request a secret", new JsonObject { [CardActions.Key] = CardActions.OpenRequestForm });

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
