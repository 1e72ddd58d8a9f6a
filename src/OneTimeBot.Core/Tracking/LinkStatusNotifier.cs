using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Settles what became of a tracked link and tells its owner once. Whoever learns it first (the embedded service's
/// event, a poll, an expiry) settles the status in the shared store; only the one that settled it goes on to claim the
/// message, and the claim, also in the shared store, lets exactly one replica send it. An owner who burns the link
/// through the bot claims it first, so that burn sends nothing: their card already says so.
/// </summary>
public sealed partial class LinkStatusNotifier(
    ITrackedShareStore store, NotifyPreferences preferences, DirectMessengers messengers, ILogger<LinkStatusNotifier> logger)
{
    public async Task SettledAsync(TrackedShare share, SecretStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        if (status == SecretStatus.New || !await store.SettleAsync(share.Id, status, at, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        LogSettled(share.Id, share.Workspace.Key, status);
        if (!await store.TryClaimNotificationAsync(share.Id, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!await preferences.WantsAsync(share.Owner, cancellationToken).ConfigureAwait(false))
        {
            await store.RecordNotificationAsync(share.Id, NotificationOutcome.NotWanted, cancellationToken).ConfigureAwait(false);
            return;
        }

        var sent = await messengers.SendAsync(share.Owner, new LinkStatusChanged(status, at, share.SentTo, share.Generated, share.Created), cancellationToken).ConfigureAwait(false);
        await store.RecordNotificationAsync(share.Id, sent.Sent ? NotificationOutcome.Sent : NotificationOutcome.NotSent, cancellationToken).ConfigureAwait(false);
        if (sent.Sent)
        {
            LogTold(share.Id, share.Workspace.Key, status);
        }
        else
        {
            // Not the messenger's sentence: it may name the person. The messenger logs the platform's own error code.
            LogNotTold(share.Id, share.Workspace.Key);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracked link {TrackedId} in {Workspace} is {Status}")]
    private partial void LogSettled(string trackedId, string workspace, SecretStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Told the owner of tracked link {TrackedId} in {Workspace} that it is {Status}")]
    private partial void LogTold(string trackedId, string workspace, SecretStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the owner of tracked link {TrackedId} in {Workspace}: the platform did not deliver the message")]
    private partial void LogNotTold(string trackedId, string workspace);
}
