using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Hosting;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Events, handled after the 200 that Slack needs within 3 s: messages to the bot in its DM, and the app being removed
/// from a workspace. The event id has already been claimed, so a retried event is never handled twice.
/// </summary>
public sealed partial class EventHandlers(
    SharingService sharing,
    ISlackInstallationStore installations,
    SlackDelivery delivery,
    ILogger<EventHandlers> logger)
{
    private const string DmPrefix = "";

    public async Task DirectMessageAsync(EventEnvelope envelope, SlackEvent message, CancellationToken cancellationToken)
    {
        var team = envelope.TeamId ?? message.Team;
        if (team is null || message.User is null || message.Channel is null)
        {
            return;
        }

        var target = new ReplyTarget(team, envelope.EnterpriseId, null, message.Channel);
        var reply = await delivery.OrApologyAsync("direct message", async () => CommandParser.Parse(message.Text) switch
        {
            HelpCommand => HelpBlocks.Render(DmPrefix),
            ShareCommand { Secret: null } => SlackMessages.ShareButton(),
            // Already in the DM's history: a link made from it would only pretend to protect it.
            ShareCommand => SlackMessages.SecretTypedInDm(),
            GenerateCommand generate => CardReplies.From(await sharing.GenerateAsync(
                SlackActors.For(team, message.User), new GenerateInput(generate.Ttl, generate.Length), delivery.FollowUpBudget, cancellationToken).ConfigureAwait(false)),
            ConfigCommand => SlackMessages.ConfigInDm(),
            UnknownCommand unknown => HelpBlocks.Render(DmPrefix, unknown.Problem),
            _ => HelpBlocks.Render(DmPrefix),
        }).ConfigureAwait(false);
        await delivery.DeliverAsync(target, reply, cancellationToken).ConfigureAwait(false);
    }

    public async Task UninstalledAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        var removed = false;
        if (envelope.IsEnterpriseInstall && envelope.EnterpriseId is { } enterprise)
        {
            removed = await installations.DeleteAsync(SlackInstallation.EnterpriseKey(enterprise), cancellationToken).ConfigureAwait(false);
        }
        else if (envelope.TeamId is { } team)
        {
            removed = await installations.DeleteAsync(SlackInstallation.TeamKey(team), cancellationToken).ConfigureAwait(false);
        }

        LogRemoved(envelope.IsEnterpriseInstall ? envelope.EnterpriseId ?? "?" : envelope.TeamId ?? "?", removed);
    }

    public Task TokensRevokedAsync(EventEnvelope envelope, SlackEvent revoked, CancellationToken cancellationToken) =>
        // Only the bot token matters: without it the installation can do nothing.
        revoked.Tokens?.Bot is { Count: > 0 } ? UninstalledAsync(envelope, cancellationToken) : Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack app removed from {Installation}; stored installation deleted: {Removed}")]
    private partial void LogRemoved(string installation, bool removed);
}
