using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Delivery;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Button presses. Opening a modal happens before the ack (the trigger id lives about 3 s); status and burn are acked
/// at once and update the card through the action's <c>response_url</c>.
/// </summary>
public sealed class ActionHandlers(SharingService sharing, SlackForms forms, SlackDelivery delivery)
{
    public Task OpenShareModalAsync(ActionContext context, CancellationToken cancellationToken) =>
        OpenAsync(context, BotForm.Share, cancellationToken);

    public Task OpenGenerateModalAsync(ActionContext context, CancellationToken cancellationToken) =>
        OpenAsync(context, BotForm.Generate, cancellationToken);

    public Task StatusAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        delivery.Later("status", context.Origin.Target, async ct =>
            CardBlocks.Render(await sharing.StatusAsync(context.Origin.Actor, context.Value, delivery.FollowUpBudget, ct).ConfigureAwait(false), replaceOriginal: true));
        return Task.CompletedTask;
    }

    public Task BurnAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        delivery.Later("burn", context.Origin.Target, async ct =>
            CardBlocks.Render(await sharing.BurnAsync(context.Origin.Actor, context.Value, null, delivery.FollowUpBudget, ct).ConfigureAwait(false), replaceOriginal: true));
        return Task.CompletedTask;
    }

    public async Task OpenBurnModalAsync(ActionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        TellIfNotOpened("burn-form", context, await forms.OpenBurnAsync(context.Origin, context.Value, cancellationToken).ConfigureAwait(false));
    }

    private async Task OpenAsync(ActionContext context, BotForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        TellIfNotOpened("open-form", context, await forms.OpenAsync(form, context.Origin, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A button's ack cannot carry a message, so why the form did not open goes through its response_url.</summary>
    private void TellIfNotOpened(string what, ActionContext context, SlackReply? problem)
    {
        if (problem is not null)
        {
            delivery.Later(what, context.Origin.Target, _ => Task.FromResult(problem));
        }
    }
}
