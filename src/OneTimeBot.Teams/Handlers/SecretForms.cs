using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.OneTimeSecret;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Cards;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The share and generate forms wherever they are shown, in the message extension's dialog or in the personal chat:
/// a blank form with the organisation's expiries, and a submitted form turned into the secret's card, a failure to
/// tell, or the form again as the user filled it with the problem.
/// </summary>
public sealed class SecretForms(SharingService sharing, WorkspaceSettingsService workspaces)
{
    public async Task<JsonObject> BlankAsync(SecretForm form, Actor actor, CancellationToken cancellationToken) =>
        Render(form, await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false));

    public async Task<FormSubmission> SubmitAsync(SecretForm form, Actor actor, FormValues values, TimeSpan budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = form == SecretForm.Share
            ? await sharing.ShareAsync(actor, FormInputs.Share(values), budget, cancellationToken).ConfigureAwait(false)
            : await GenerateAsync(actor, values, budget, cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess || result.Error.Kind != SharingErrorKind.InvalidInput)
        {
            return new FormSubmission(result, null);
        }

        // The user's own mistake: the form again, as they filled it, with the problem.
        var settings = await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false);
        return new FormSubmission(result, Render(form, settings, values, result.Error));
    }

    private async Task<Result<SecretCard, SharingError>> GenerateAsync(Actor actor, FormValues values, TimeSpan budget, CancellationToken cancellationToken)
    {
        var (input, inputError) = FormInputs.Generate(values);
        return inputError is null ? await sharing.GenerateAsync(actor, input!, budget, cancellationToken).ConfigureAwait(false) : inputError;
    }

    private static JsonObject Render(SecretForm form, WorkspaceSettings settings, FormValues? typed = null, SharingError? error = null) =>
        form == SecretForm.Share ? FormCards.Share(settings, typed, error) : FormCards.Generate(settings, typed, error);
}

/// <summary>The two forms that make a secret.</summary>
public enum SecretForm
{
    Share,
    Generate,
}

/// <summary>
/// A submitted form's outcome: the secret's card or why there is none, and when the user can fix it, the
/// <see cref="FormAgain"/> to show them.
/// </summary>
public sealed record FormSubmission(Result<SecretCard, SharingError> Result, JsonObject? FormAgain);
