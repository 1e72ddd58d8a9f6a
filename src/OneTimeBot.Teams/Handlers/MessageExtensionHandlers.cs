using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Teams.Cards;
using OneTimeBot.Teams.Configuration;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Teams.Localization;
using OneTimeSecret.Client;

namespace OneTimeBot.Teams.Handlers;

/// <summary>
/// The message extension's two action commands. Each answers within the invoke's 5 s: the form as a dialog, then
/// either the card for the compose box, the form again with the user's values and the problem, or a clear message.
/// </summary>
public sealed class MessageExtensionHandlers(SecretForms forms, LinkDelivery links, ConnectorClient connector, FollowUps followUps, IOptions<TeamsOptions> options)
{
    private static string ShareTitle => TeamsStrings.Get("Action.Share");

    private static string GenerateTitle => TeamsStrings.Get("Action.Generate");

    public static string SendingToThePersonPicked => TeamsStrings.Get("Extension.SendingToPicked");

    public async Task<JsonObject> OpenShareFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        InvokeResponses.Dialog(ShareTitle, await forms.BlankAsync(BotForm.Share, turn.Actor, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> OpenGenerateFormAsync(TeamsTurn turn, CancellationToken cancellationToken) =>
        InvokeResponses.Dialog(GenerateTitle, await forms.BlankAsync(BotForm.Generate, turn.Actor, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> ShareAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        Answer(turn, ShareTitle, await forms.SubmitAsync(BotForm.Share, turn.Actor, values, options.Value.InvokeBudget, cancellationToken).ConfigureAwait(false));

    public async Task<JsonObject> GenerateAsync(TeamsTurn turn, FormValues values, CancellationToken cancellationToken) =>
        Answer(turn, GenerateTitle, await forms.SubmitAsync(BotForm.Generate, turn.Actor, values, options.Value.InvokeBudget, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// The card into the compose box, worded for the message's recipients who will read it; the form again in the
    /// dialog; anything else as a plain message. With someone picked under Send to, no card goes into the compose box:
    /// the link was meant for that person alone, not for whoever reads the chat the user is typing in. The invoke is
    /// answered at once with a message saying the link is on its way, because opening a conversation with the person
    /// and posting into it on top of the secret service's call would not fit in the 5 s Teams gives an invoke; the
    /// sender's own card, with Check status and Burn now and whether the link arrived (or the link to pass on and why
    /// not), follows in their chat with OneTimeBot.
    /// </summary>
    private JsonObject Answer(TeamsTurn turn, string title, FormSubmission submitted)
    {
        if (submitted.FormAgain is { } form)
        {
            return InvokeResponses.Dialog(title, form);
        }

        if (!submitted.Result.IsSuccess)
        {
            return InvokeResponses.Message(SecretCardText.Fallback(submitted.Result.Error));
        }

        if (submitted.SendTo is not { } sendTo)
        {
            return InvokeResponses.ComposeCard(SecretCardRenderer.Render(submitted.Result.Value, CardAudience.Shared));
        }

        var card = submitted.Result.Value;
        followUps.Run("teams-send-to-person", async ct => await connector.SendPrivatelyAsync(turn.Activity,
            SecretCardRenderer.Render(await links.SendAsync(turn.Actor, sendTo, card, null, ct).ConfigureAwait(false), CardAudience.Sender), ct).ConfigureAwait(false));
        return InvokeResponses.Message(SendingToThePersonPicked);
    }
}
