using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Hosting;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Home;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Views;
using OneTimeBot.Slack.WebApi;
using OneTimeSecret.Client;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// The App Home tab and Burn on a list of recent links. The tab is published (<c>views.publish</c>) whenever its owner
/// opens it. Burn on a link with a passphrase opens the modal that asks for it (before the ack, while the trigger id
/// lives); any other Burn is acked at once and done after. Then the list is shown again where Burn was pressed: the
/// App Home tab is published anew, a message (the answer to <c>recent</c>) is replaced through its <c>response_url</c>.
/// </summary>
public sealed partial class HomeHandlers(
    RecentLinks recent,
    SlackForms forms,
    SlackTokens tokens,
    SlackApiClient api,
    SlackDelivery delivery,
    FollowUps followUps,
    ILogger<HomeHandlers> logger)
{
    /// <summary><c>app_home_opened</c>: the Home tab (not the Messages tab) is published with the person's links.</summary>
    public async Task OpenedAsync(EventEnvelope envelope, SlackEvent opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(opened);
        if (opened.Tab != "home" || (envelope.TeamId ?? opened.Team) is not { } team || opened.User is not { Length: > 0 } user)
        {
            return;
        }

        // The event names the person's DM with the bot: where a form opened from the tab answers.
        var origin = new SlackOrigin(team, envelope.EnterpriseId, user, ResponseUrl: null, opened.Channel) { Locale = envelope.UserLocale };
        await PublishAsync(origin, await recent.ListAsync(origin.Actor, cancellationToken).ConfigureAwait(false), null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>home_burn</c>: the modal for a link with a passphrase, else the burn itself after the ack.</summary>
    public async Task BurnAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var origin = context.Origin;
        var found = await recent.FindLiveAsync(origin.Actor, context.Value, cancellationToken).ConfigureAwait(false);
        if (found is { IsSuccess: true, Value.PassphraseRequired: true })
        {
            if (await forms.OpenTrackedBurnAsync(origin, context.Value, cancellationToken).ConfigureAwait(false) is { } notOpened)
            {
                followUps.Run("burn-form", ct => ShowAsync(origin, new SharingError(SharingErrorKind.Unavailable, notOpened.Text, SlackStrings.Format("Home.BurnAgain", RecentLinksText.BurnButton)), ct));
            }

            return;
        }

        followUps.Run("burn-from-list", async ct => await ShowAsync(origin, found.IsSuccess
            ? await recent.BurnAsync(origin.Actor, context.Value, null, delivery.FollowUpBudget, ct).ConfigureAwait(false)
            : found.Error, ct).ConfigureAwait(false));
    }

    /// <summary>The passphrase modal of a Burn on a list: a refusal stays beside the passphrase, a burn closes it and shows the list.</summary>
    public async Task<JsonObject?> BurnWithPassphraseAsync(ViewContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var burned = await recent.BurnAsync(context.Origin.Actor, context.Metadata.TrackedId ?? "", BurnModal.Read(context.Values), delivery.ModalBudget, cancellationToken).ConfigureAwait(false);
        if (!burned.IsSuccess)
        {
            return ViewResponses.Errors(SharingError.PassphraseField, burned.Error);
        }

        followUps.Run("list-after-burn", ct => ShowAsync(context.Origin, burned, ct));
        return null;
    }

    /// <summary>The list where Burn was pressed, or what went wrong: above the list on the tab, a private message under one.</summary>
    private async Task ShowAsync(SlackOrigin origin, Result<RecentLinkList, SharingError> result, CancellationToken cancellationToken)
    {
        if (origin.ResponseUrl is not null)
        {
            await delivery.DeliverAsync(origin.Target, result.IsSuccess ? RecentLinksBlocks.Message(result.Value, replaceOriginal: true) : CardBlocks.Render(result.Error), cancellationToken).ConfigureAwait(false);
            return;
        }

        var list = result.IsSuccess ? result.Value : await recent.ListAsync(origin.Actor, cancellationToken).ConfigureAwait(false);
        await PublishAsync(origin, list, result.IsSuccess ? null : new Notice(result.Error.Message, result.Error.Hint), cancellationToken).ConfigureAwait(false);
    }

    private async Task PublishAsync(SlackOrigin origin, RecentLinkList list, Notice? problem, CancellationToken cancellationToken)
    {
        if (await tokens.ForAsync(origin.TeamId, origin.EnterpriseId, cancellationToken).ConfigureAwait(false) is not { } token)
        {
            LogNoToken(origin.TeamId);
            return;
        }

        await api.PublishViewAsync(token, origin.UserId, HomeView.Build(list, new ViewMetadata(Channel: origin.Channel), problem), cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No bot token for team {Team}: its App Home tab was not published")]
    private partial void LogNoToken(string team);
}
