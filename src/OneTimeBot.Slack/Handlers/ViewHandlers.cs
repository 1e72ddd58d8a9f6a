using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;
using OneTimeSecret.Client;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Modal submissions. The secret service is called within <see cref="SlackDelivery.ModalBudget"/>, inside Slack's 3 s:
/// on success the modal closes and the card goes to where the modal was opened from; on any failure the modal stays
/// open, with what the user typed, and the problem beside the field it concerns.
/// </summary>
public sealed class ViewHandlers(
    SharingService sharing,
    WorkspaceSettingsService workspaces,
    ModalOpener modals,
    SlackDelivery delivery)
{
    public async Task<JsonObject?> ShareAsync(ViewContext context, CancellationToken cancellationToken)
    {
        var input = ShareModal.Read(context.Values);
        var result = await sharing.ShareAsync(context.Actor, input, delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        return Finish(context, result, field => field is SharingError.TtlField or SharingError.PassphraseField or SharingError.RecipientField ? field : SharingError.SecretField);
    }

    public async Task<JsonObject?> GenerateAsync(ViewContext context, CancellationToken cancellationToken)
    {
        var (input, error) = GenerateModal.Read(context.Values);
        if (error is not null)
        {
            return ViewResponses.Errors(SharingError.LengthField, error);
        }

        var result = await sharing.GenerateAsync(context.Actor, input!, delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        return Finish(context, result, field => field is SharingError.LengthField or SharingError.PassphraseField ? field : SharingError.TtlField);
    }

    public async Task<JsonObject?> BurnAsync(ViewContext context, CancellationToken cancellationToken)
    {
        var result = await sharing.BurnAsync(context.Actor, context.Metadata.ReceiptId ?? "", BurnModal.Read(context.Values), delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        if (!result.IsSuccess)
        {
            return ViewResponses.Errors(SharingError.PassphraseField, result.Error);
        }

        delivery.Later("burn", context.Target, _ => Task.FromResult(CardBlocks.Render(result.Value, replaceOriginal: true)));
        return null;
    }

    public async Task<JsonObject?> ConfigAsync(ViewContext context, CancellationToken cancellationToken)
    {
        // Checked again on submission: the modal may have stayed open while the user stopped being an admin.
        var (isAdmin, problem) = await modals.IsAdminAsync(context.TeamId, context.EnterpriseId, context.Actor.UserId, cancellationToken).ConfigureAwait(false);
        if (problem is not null || !isAdmin)
        {
            var refusal = problem ?? SlackMessages.ConfigRefused();
            return ViewResponses.Errors(WorkspaceSettings.BackendField, new SharingError(SharingErrorKind.NotOwner, refusal.Text, ""));
        }

        var (change, error) = ConfigModal.Read(context.Values);
        if (error is not null)
        {
            return ViewResponses.Errors(ConfigModal.BlockFor(error.Field, context.Values), error);
        }

        var saved = await workspaces.UpdateAsync(context.Actor, change!, cancellationToken).ConfigureAwait(false);
        if (!saved.IsSuccess)
        {
            return ViewResponses.Errors(ConfigModal.BlockFor(saved.Error.Field, context.Values), saved.Error);
        }

        delivery.Later("settings saved", context.Target, _ => Task.FromResult(SlackMessages.SettingsSaved(saved.Value)));
        return null;
    }

    private JsonObject? Finish(ViewContext context, Result<SecretCard, SharingError> result, Func<string?, string> blockFor)
    {
        if (!result.IsSuccess)
        {
            return ViewResponses.Errors(blockFor(result.Error.Field), result.Error);
        }

        var card = CardBlocks.Render(result.Value);
        delivery.Later("card", context.Target, _ => Task.FromResult(card));
        return null;
    }
}

/// <summary>One modal submission: who submitted it where, what it carried and what was typed.</summary>
public sealed record ViewContext(string TeamId, string? EnterpriseId, string UserId, ViewMetadata Metadata, ViewValues Values)
{
    public Actor Actor => SlackActors.For(TeamId, UserId);

    public ReplyTarget Target => new(TeamId, EnterpriseId, Payloads.SlackUrls.TryResponseUrl(Metadata.ResponseUrl), Metadata.Channel);
}
