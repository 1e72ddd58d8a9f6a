using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Activities;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The message extension's two action commands. Each answers within the invoke's 5 s: the form as a dialog, then
/// either the card for the compose box, the form again with the user's values and the problem, or a clear message.
/// </summary>
public sealed class MessageExtensionHandlers(SharingService sharing, WorkspaceSettingsService workspaces, IOptions<TeamsOptions> options)
{
    public const string ShareCommand = "shareSecret";
    public const string GenerateCommand = "generatePassword";

    public async Task<JsonObject> FetchTaskAsync(Activity activity, string? commandId, CancellationToken cancellationToken)
    {
        if (TeamsActors.For(activity) is not { } actor)
        {
            return InvokeResponses.Message("Teams did not say which organisation this is, so nothing can be shared here.");
        }

        var settings = await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false);
        return commandId switch
        {
            ShareCommand => InvokeResponses.Dialog("Share a secret", FormCards.Share(settings)),
            GenerateCommand => InvokeResponses.Dialog("Generate a password", FormCards.Generate(settings)),
            _ => InvokeResponses.Message("That command is not one OneTimeBot knows."),
        };
    }

    public async Task<JsonObject> SubmitActionAsync(Activity activity, string? commandId, FormValues values, CancellationToken cancellationToken)
    {
        if (TeamsActors.For(activity) is not { } actor)
        {
            return InvokeResponses.Message("Teams did not say which organisation this is, so nothing can be shared here.");
        }

        var budget = options.Value.InvokeBudget;
        switch (commandId)
        {
            case ShareCommand:
                var shared = await sharing.ShareAsync(actor, FormInputs.Share(values), budget, cancellationToken).ConfigureAwait(false);
                return await AnswerAsync(actor, shared, settings => FormCards.Share(settings, values, shared.Error), "Share a secret", cancellationToken).ConfigureAwait(false);
            case GenerateCommand:
                var (input, inputError) = FormInputs.Generate(values);
                var generated = inputError is null
                    ? await sharing.GenerateAsync(actor, input!, budget, cancellationToken).ConfigureAwait(false)
                    : inputError;
                return await AnswerAsync(actor, generated, settings => FormCards.Generate(settings, values, generated.Error), "Generate a password", cancellationToken).ConfigureAwait(false);
            default:
                return InvokeResponses.Message("That command is not one OneTimeBot knows.");
        }
    }

    private async Task<JsonObject> AnswerAsync(Actor actor, Result<SecretCard, SharingError> result, Func<WorkspaceSettings, JsonObject> formAgain, string title, CancellationToken cancellationToken)
    {
        if (result.IsSuccess)
        {
            return InvokeResponses.ComposeCard(SecretCardRenderer.Render(result.Value));
        }

        // The user's own mistake: the form again, as they filled it, with the problem. Anything else: a plain message.
        return result.Error.Kind == SharingErrorKind.InvalidInput
            ? InvokeResponses.Dialog(title, formAgain(await workspaces.GetAsync(actor.Workspace, cancellationToken).ConfigureAwait(false)))
            : InvokeResponses.Message($"{result.Error.Message} {result.Error.Hint}");
    }
}
