using System.Text.Json.Nodes;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Views;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Modal submissions. The secret service is called within <see cref="SlackDelivery.ModalBudget"/>, inside Slack's 3 s:
/// on success the modal closes and the answer goes to where the modal was opened from; on any failure the modal stays
/// open, with what the user typed, and the problem beside the field it concerns.
/// </summary>
public sealed class ViewHandlers(SharingService sharing, LinkDelivery links, WorkspaceSettingsService workspaces, SlackForms forms, SlackDelivery delivery)
{
    public async Task<JsonObject?> ShareAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = ShareModal.Read(context.Values);
        var shared = await sharing.ShareAsync(context.Origin.Actor, input, delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        return Finish("card", context, shared,
            field => field is SharingError.TtlField or SharingError.PassphraseField or SharingError.RecipientField ? field : SharingError.SecretField,
            (card, ct) => SentOnAsync(context, input.SendTo, card, ct));
    }

    public async Task<JsonObject?> GenerateAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var input = GenerateModal.Read(context.Values);
        var generated = await sharing.GenerateAsync(context.Origin.Actor, input, delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        return Finish("card", context, generated,
            field => field is SharingError.LengthField or SharingError.PassphraseField ? field : SharingError.TtlField,
            (card, ct) => SentOnAsync(context, input.SendTo, card, ct));
    }

    public async Task<JsonObject?> BurnAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var burned = await sharing.BurnAsync(context.Origin.Actor, context.Metadata.ReceiptId ?? "", BurnModal.Read(context.Values), delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        return Finish("burn", context, burned, _ => SharingError.PassphraseField, card => CardBlocks.Render(card, replaceOriginal: true));
    }

    public async Task<JsonObject?> ConfigAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Checked again on submission: the modal may have stayed open while the user stopped being an admin.
        if (await forms.RefuseUnlessAdminAsync(context.Origin, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return ViewResponses.Errors(SettingsFields.Backend, refused.Text);
        }

        var change = SettingsFormReader.Read(context.Values);
        var saved = change.IsSuccess ? await workspaces.UpdateAsync(context.Origin.Actor, change.Value, cancellationToken).ConfigureAwait(false) : change.Error;
        return Finish("settings-saved", context, saved, field => ConfigModal.BlockFor(field, context.Values), SlackMessages.SettingsSaved);
    }

    /// <summary>
    /// The card, once the link went on to the person picked in the modal, if any. That happens after the modal closed:
    /// Slack's 3 s are for making the secret, and the card says whether the DM arrived.
    /// </summary>
    private async Task<SlackReply> SentOnAsync(ViewContext context, Person? sendTo, SecretCard card, CancellationToken cancellationToken) =>
        CardBlocks.Render(sendTo is null ? card : await links.SendAsync(context.Origin.Actor, sendTo, card, null, cancellationToken).ConfigureAwait(false));

    /// <summary>Keeps the modal open with the error beside its field; or closes it and sends the answer where it was opened from.</summary>
    private JsonObject? Finish<T>(string what, ViewContext context, Result<T, SharingError> result, Func<string?, string> blockFor, Func<T, SlackReply> answer) =>
        Finish(what, context, result, blockFor, (value, _) => Task.FromResult(answer(value)));

    private JsonObject? Finish<T>(string what, ViewContext context, Result<T, SharingError> result, Func<string?, string> blockFor, Func<T, CancellationToken, Task<SlackReply>> answer)
    {
        if (!result.IsSuccess)
        {
            return ViewResponses.Errors(blockFor(result.Error.Field), result.Error);
        }

        var value = result.Value;
        delivery.Later(what, context.Origin.Target, ct => answer(value, ct));
        return null;
    }
}
