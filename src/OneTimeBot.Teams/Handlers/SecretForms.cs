using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The share and generate forms wherever they are shown, in the message extension's dialog or in the personal chat:
/// a blank form with the organisation's expiries, and a submitted form turned into the secret's card, a failure to
/// tell, or the form again as the user filled it with the problem. The core checks every value as typed.
/// </summary>
public sealed class SecretForms(SharingService sharing, WorkspaceSettingsService workspaces)
{
    public async Task<JsonObject> BlankAsync(BotForm form, Actor actor, CancellationToken cancellationToken) =>
        Render(form, await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false));

    public async Task<FormSubmission> SubmitAsync(BotForm form, Actor actor, FormValues values, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var passphrase = SecretText.FromOptional(values[FormCards.PassphraseInput]);
        var sendTo = FormCards.PickedPerson(values[FormCards.SendToInput]) is { } picked ? new Person(picked) : null;
        var result = values[FormCards.SendToInput] is { } chosen && chosen != FormCards.Nobody && sendTo is null
            // Teams' picker only ever submits an object id: anything else was not picked from it.
            ? new SharingError(SharingErrorKind.InvalidInput, TeamsStrings.Get("Form.SendTo.NotPicked"),
                TeamsStrings.Get("Form.SendTo.NotPicked.Hint"), FormCards.SendToInput)
            : form switch
            {
                BotForm.Share => await sharing.ShareAsync(actor, new ShareInput(
                    // A client without the Password style sends the fallback multi-line box instead.
                    new SecretText(values[FormCards.SecretInput] ?? values[FormCards.SecretFallbackInput] ?? ""),
                    values[FormCards.TtlInput], passphrase, values[FormCards.RecipientInput], sendTo), budget, cancellationToken).ConfigureAwait(false),
                BotForm.Generate => await sharing.GenerateAsync(actor, new GenerateInput(values[FormCards.TtlInput], values[FormCards.LengthInput], passphrase, sendTo), budget, cancellationToken).ConfigureAwait(false),
                _ => throw NotASecretForm(form),
            };
        if (result.IsSuccess || result.Error.Kind != SharingErrorKind.InvalidInput)
        {
            return new FormSubmission(result, null) { SendTo = sendTo };
        }

        // The user's own mistake: the form again, as they filled it, with the problem.
        var settings = await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false);
        return new FormSubmission(result, Render(form, settings, values, result.Error));
    }

    private static JsonObject Render(BotForm form, WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null) => form switch
    {
        BotForm.Share => FormCards.Share(settings, typed, error),
        BotForm.Generate => FormCards.Generate(settings, typed, error),
        _ => throw NotASecretForm(form),
    };

    private static ArgumentOutOfRangeException NotASecretForm(BotForm form) => new ArgumentOutOfRangeException(nameof(form), form, "Only the share and generate forms make a secret.");
}

/// <summary>
/// A submitted form's outcome: the secret's card or why there is none, and when the user can fix it, the
/// <see cref="FormAgain"/> to show them.
/// </summary>
public sealed record FormSubmission(Result<SecretCard, SharingError> Result, JsonObject? FormAgain)
{
    /// <summary>The person picked to send the link to, if any.</summary>
    public Person? SendTo { get; init; }
}
