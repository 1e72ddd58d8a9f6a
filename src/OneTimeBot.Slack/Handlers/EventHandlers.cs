using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Delivery;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// Events, handled after the 200 that Slack needs within 3 s: messages to the bot in its DM, and the app being removed
/// from a workspace. The event id has already been claimed, so a retried event is never handled twice.
/// </summary>
public sealed partial class EventHandlers(
    BotCommands commands,
    ISlackInstallationStore installations,
    WorkspacePurge purge,
    SlackDelivery delivery,
    IOptions<SlackOptions> options,
    ILogger<EventHandlers> logger)
{
    /// <summary>A message typed to the bot in its DM goes through the same command grammar as the slash command, as a chat.</summary>
    public async Task DirectMessageAsync(EventEnvelope envelope, SlackEvent message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(message);
        // Only a person's own words are commands: bots (this one's replies included), edits, joins and the like are not.
        if (message.Subtype is not null || message.BotId is not null ||
            (envelope.TeamId ?? message.Team) is not { } team || message.User is not { } user || message.Channel is not { } channel)
        {
            return;
        }

        var origin = new SlackOrigin(team, envelope.EnterpriseId, user, ResponseUrl: null, channel) { Locale = envelope.UserLocale };
        // A message's text is in Slack's markup like a command's: mentions, links and escaped characters.
        var (parsed, refusal) = SlackCommandText.Read(commands, message.Text ?? "", options.Value.Command, CommandSurface.Chat);
        var reply = refusal ?? await delivery.OrApologyAsync("direct-message", async () => CommandReplyBlocks.Render(
            await commands.RunAsync(parsed, origin.Actor, CommandSurface.Chat, delivery.FollowUpBudget, cancellationToken).ConfigureAwait(false),
            options.Value.Command,
            CommandSurface.Chat)).ConfigureAwait(false);
        await delivery.DeliverAsync(origin.Target, reply, cancellationToken).ConfigureAwait(false);
    }

    public async Task UninstalledAsync(EventEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
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
        // What the bot keeps about the workspace's people goes with it: links (and their polls), requests, choices.
        // The purge was noted as owed before Slack was answered; a purge that fails here is finished by the cleaner.
        if (PurgeOf(envelope) is { } target)
        {
            await purge.PurgeAsync(target, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What removing the app, as <paramref name="e"/> says, purges: the workspace, or every workspace of the org an
    /// org-wide install served (which the event does not list: the stores know them). Revoking only user tokens purges nothing.
    /// </summary>
    public static PurgeTarget? PurgeOf(EventEnvelope envelope, SlackEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return e.Type switch
        {
            "app_uninstalled" => PurgeOf(envelope),
            "tokens_revoked" when e.Tokens?.Bot is { Count: > 0 } => PurgeOf(envelope),
            _ => null,
        };
    }

    public Task TokensRevokedAsync(EventEnvelope envelope, SlackEvent revoked, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revoked);
        // Only the bot token matters: without it the installation can do nothing.
        return revoked.Tokens?.Bot is { Count: > 0 } ? UninstalledAsync(envelope, cancellationToken) : Task.CompletedTask;
    }

    private static PurgeTarget? PurgeOf(EventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.IsEnterpriseInstall && envelope.EnterpriseId is { Length: > 0 } org ? PurgeTarget.SlackEnterprise(org)
            : envelope.TeamId is { Length: > 0 } team ? PurgeTarget.SlackTeam(team)
            : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack app removed from {Installation}; stored installation deleted: {Removed}")]
    private partial void LogRemoved(string installation, bool removed);
}
