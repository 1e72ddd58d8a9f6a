using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The message extension's two action commands. Each answers within the invoke's 5 s: the form as a dialog, then
/// either the card for the compose box, the form again with the user's values and the problem, or a clear message.
/// </summary>
public sealed class MessageExtensionHandlers(SecretForms forms, IOptions<TeamsOptions> options)
{
    private const string ShareTitle = "Share a secret";
    private const string GenerateTitle = "Generate a password";

    public async Task<JsonObject> OpenShareFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        InvokeResponses.Dialog(ShareTitle, await forms.BlankAsync(BotForm.Share, turn.Actor, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> OpenGenerateFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        InvokeResponses.Dialog(GenerateTitle, await forms.BlankAsync(BotForm.Generate, turn.Actor, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> ShareAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        Answer(ShareTitle, await forms.SubmitAsync(BotForm.Share, turn.Actor, values, options.Value.InvokeBudget, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> GenerateAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        Answer(GenerateTitle, await forms.SubmitAsync(BotForm.Generate, turn.Actor, values, options.Value.InvokeBudget, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The card into the compose box, worded for the message's recipients who will read it; the form again in the
    /// dialog; anything else as a plain message.
    /// </summary>
    private static JsonObject Answer(string title, FormSubmission submitted) =>
        submitted.FormAgain is { } form ? InvokeResponses.Dialog(title, form)
        : submitted.Result.IsSuccess ? InvokeResponses.ComposeCard(SecretCardRenderer.Render(submitted.Result.Value, CardAudience.Shared))
        : InvokeResponses.Message(SecretCardText.Fallback(submitted.Result.Error));
}
