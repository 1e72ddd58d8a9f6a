using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Button presses. Opening a modal happens before the ack (the trigger id lives about 3 s); status and burn are acked
/// at once and update the card through the action's <c>response_url</c>.
/// </summary>
public sealed class ActionHandlers(
    SharingService sharing,
    WorkspaceSettingsService workspaces,
    ModalOpener modals,
    SlackDelivery delivery)
{
    public Task OpenShareModalAsync(ActionContext context, CancellationToken cancellationToken) =>
        OpenAsync(context, settings => ShareModal.Build(settings, context.Metadata()), cancellationToken);

    public Task OpenGenerateModalAsync(ActionContext context, CancellationToken cancellationToken) =>
        OpenAsync(context, settings => GenerateModal.Build(settings, context.Metadata()), cancellationToken);

    public Task StatusAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        delivery.Later("status", context.Target, async ct =>
            CardReplies.From(await sharing.StatusAsync(actor, context.Value, delivery.FollowUpBudget, ct).ConfigureAwait(false), replaceOriginal: true));
        return Task.CompletedTask;
    }

    public Task BurnAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        delivery.Later("burn", context.Target, async ct =>
            CardReplies.From(await sharing.BurnAsync(actor, context.Value, null, delivery.FollowUpBudget, ct).ConfigureAwait(false), replaceOriginal: true));
        return Task.CompletedTask;
    }

    public async Task OpenBurnModalAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var view = BurnModal.Build(context.Metadata() with { ReceiptId = context.Value });
        if (await modals.OpenAsync(context.TeamId, context.EnterpriseId, context.TriggerId, view, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            delivery.Later("burn form", context.Target, _ => Task.FromResult(problem));
        }
    }

    private async Task OpenAsync(ActionContext context, Func<WorkspaceSettings, System.Text.Json.Nodes.JsonObject> build, CancellationToken cancellationToken)
    {
        var settings = await workspaces.GetAsync(context.Actor.Workspace, cancellationToken).ConfigureAwait(false);
        if (await modals.OpenAsync(context.TeamId, context.EnterpriseId, context.TriggerId, build(settings), cancellationToken).ConfigureAwait(false) is { } problem)
        {
            delivery.Later("open form", context.Target, _ => Task.FromResult(problem));
        }
    }
}

/// <summary>One button press: who pressed it where, its value, and where to answer.</summary>
public sealed record ActionContext(string TeamId, string? EnterpriseId, string UserId, string Value, string? TriggerId, Uri? ResponseUrl, string? Channel)
{
    public Actor Actor => SlackActors.For(TeamId, UserId);

    public ReplyTarget Target => new(TeamId, EnterpriseId, ResponseUrl, Channel);

    public ViewMetadata Metadata() => new(ResponseUrl?.ToString(), Channel);
}
