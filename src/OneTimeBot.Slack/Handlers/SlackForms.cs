using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.WebApi;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// The app's forms as Slack modals, opened with the team's bot token while the trigger id is still fresh, whether a
/// command or a button asked for them. Each method answers null when all went well, else the private message that
/// says why not.
/// </summary>
public sealed class SlackForms(WorkspaceSettingsService workspaces, SlackTokens tokens, SlackApiClient api, IOptions<SlackOptions> options)
{
    private readonly string _command = options.Value.Command;

    /// <summary>Opens <paramref name="form"/>; the settings only for an admin of the workspace.</summary>
    public Task<SlackReply?> OpenAsync(BotForm form, SlackOrigin origin, CancellationToken cancellationToken) =>
        OpenAsync(form, origin, null, cancellationToken);

    /// <summary>Opens <paramref name="form"/>, with <paramref name="sendTo"/> already picked as whom the link goes to.</summary>
    public async Task<SlackReply?> OpenAsync(BotForm form, SlackOrigin origin, Person? sendTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        if (form == BotForm.Config && await RefuseUnlessAdminAsync(origin, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var workspace = origin.Actor.Workspace;
        var view = form switch
        {
            BotForm.Share => ShareModal.Build(await workspaces.GetAsync(workspace, cancellationToken).ConfigureAwait(false), origin.Metadata, sendTo),
            BotForm.Generate => GenerateModal.Build(await workspaces.GetAsync(workspace, cancellationToken).ConfigureAwait(false), origin.Metadata, sendTo),
            BotForm.Config => ConfigModal.Build(await workspaces.FormAsync(workspace, cancellationToken).ConfigureAwait(false), origin.Metadata),
            BotForm.Request => RequestModal.Build(origin.Metadata, sendTo),
            _ => throw new ArgumentOutOfRangeException(nameof(form), form, "A form Slack has no modal for."),
        };
        return await OpenViewAsync(origin, view, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the modal that asks for the passphrase of the secret behind <paramref name="receiptId"/> before burning it.</summary>
    public Task<SlackReply?> OpenBurnAsync(SlackOrigin origin, string receiptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return OpenViewAsync(origin, BurnModal.Build(origin.Metadata with { ReceiptId = receiptId }), cancellationToken);
    }

    /// <summary>Opens the form that answers <paramref name="request"/>, with the expiries of the answerer's workspace.</summary>
    public async Task<SlackReply?> OpenAnswerAsync(SlackOrigin origin, Core.Requests.SecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var settings = await workspaces.GetAsync(origin.Actor.Workspace, cancellationToken).ConfigureAwait(false);
        return await OpenViewAsync(origin, AnswerModal.Build(request, settings, origin.Metadata), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the modal that asks for the passphrase of a link on a list of recent links before burning it.</summary>
    public Task<SlackReply?> OpenTrackedBurnAsync(SlackOrigin origin, string trackedId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        return OpenViewAsync(origin, BurnModal.Build(origin.Metadata with { TrackedId = trackedId }, BurnModal.TrackedCallbackId), cancellationToken);
    }

    /// <summary>
    /// Null when the user administers the workspace (admin, owner or primary owner, as <c>users.info</c> says); else
    /// why they may not change its settings, or why that could not be checked.
    /// </summary>
    public async Task<SlackReply?> RefuseUnlessAdminAsync(SlackOrigin origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        var (token, missing) = await TokenAsync(origin, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return missing;
        }

        var info = await api.UserInfoAsync(token, origin.UserId, cancellationToken).ConfigureAwait(false);
        if (!info.Ok)
        {
            return SlackMessages.SlackFailed(SlackStrings.Get("Message.SlackFailed.CheckAdmin"), info.Error ?? SlackStrings.Get("Message.SlackFailed.UnknownError"), _command);
        }

        var user = info.Body["user"] as JsonObject;
        bool Flag(string name) => user?[name] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        return Flag("is_admin") || Flag("is_owner") || Flag("is_primary_owner") ? null : SlackMessages.ConfigRefused(_command);
    }

    private async Task<SlackReply?> OpenViewAsync(SlackOrigin origin, JsonObject view, CancellationToken cancellationToken)
    {
        if (origin.TriggerId is not { } triggerId)
        {
            return SlackMessages.SlackFailed(SlackStrings.Get("Message.SlackFailed.OpenForm"), SlackStrings.Get("Message.SlackFailed.NoTriggerId"), _command);
        }

        var (token, missing) = await TokenAsync(origin, cancellationToken).ConfigureAwait(false);
        if (token is null)
        {
            return missing;
        }

        var opened = await api.OpenViewAsync(token, triggerId, view, cancellationToken).ConfigureAwait(false);
        return opened.Ok ? null : SlackMessages.SlackFailed(SlackStrings.Get("Message.SlackFailed.OpenForm"), opened.Error ?? SlackStrings.Get("Message.SlackFailed.UnknownError"), _command);
    }

    private async Task<(string? Token, SlackReply? Missing)> TokenAsync(SlackOrigin origin, CancellationToken cancellationToken) =>
        await tokens.ForAsync(origin.TeamId, origin.EnterpriseId, cancellationToken).ConfigureAwait(false) is { } token
            ? (token, null)
            : (null, tokens.IsLocalMode ? SlackMessages.NeedsBotToken(_command) : SlackMessages.NotInstalled(_command));
}
