using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Starts watching each link shared from chat (one insert), and keeps the owner's own burn through the bot from
/// messaging them about it. A link on the embedded secret service is filed under the service's id for its receipt, so
/// the service's events find it; <paramref name="embeddedIds"/> is absent where the service does not run.
/// </summary>
public sealed class LinkTracker(ITrackedShareStore store, MetadataKeySeal seal, TimeProvider time, IEmbeddedReceiptIds? embeddedIds = null) : ILinkTracking
{
    public Task TrackAsync(string trackedId, NewLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var receipt = link.Receipt;
        var announced = embeddedIds is not null && OneTimeSecretOptions.IsEmbeddedName(link.Backend);
        var now = time.GetUtcNow();
        var share = new TrackedShare(
            Id: trackedId,
            Workspace: link.Owner.Workspace,
            OwnerUserId: link.Owner.UserId,
            OwnerReach: link.Owner.Reach,
            SentTo: link.SentTo,
            Backend: link.Backend,
            BackendHost: link.BackendHost,
            SealedMetadataKey: seal.Seal(trackedId, receipt.MetadataKey),
            BackendReceiptId: announced ? embeddedIds!.ReceiptIdOf(receipt.MetadataKey) : null,
            Created: receipt.Created,
            ExpiresAt: receipt.ExpiresAt,
            Ttl: receipt.Ttl,
            PassphraseRequired: receipt.PassphraseRequired,
            Generated: link.Generated,
            Recorded: now)
        {
            NextPollAt = PollSchedule.First(now, receipt.ExpiresAt, announced),
        };
        return store.SaveAsync(share, cancellationToken);
    }

    public Task<bool> OwnerBurnStartingAsync(string trackedId, CancellationToken cancellationToken) =>
        store.ClaimAsync(trackedId, time, cancellationToken);

    public async Task<bool> OwnerBurnEndedAsync(string trackedId, bool held, DateTimeOffset? burnedAt, CancellationToken cancellationToken)
    {
        if (burnedAt is { } at)
        {
            var settled = await store.SettleAsync(trackedId, SecretStatus.Burned, at, time, cancellationToken).ConfigureAwait(false);
            if (held)
            {
                await store.RecordNotificationAsync(trackedId, NotificationOutcome.OwnersBurn, cancellationToken).ConfigureAwait(false);
            }

            return settled;
        }

        if (held)
        {
            await store.ReleaseNotificationAsync(trackedId, cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public Task RecipientKnownAsync(string trackedId, Person? sentTo, CancellationToken cancellationToken) =>
        store.SetSentToAsync(trackedId, sentTo, cancellationToken);

    public async Task<Person?> SentToAsync(string trackedId, CancellationToken cancellationToken) =>
        (await store.FindAsync(trackedId, cancellationToken).ConfigureAwait(false))?.SentTo;

    public async Task<bool> OwnerSawAsync(string trackedId, SecretStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // Only the call that settles it decides its message, as a poll or an event would: one that settled first tells them.
        if (status == SecretStatus.New || !await store.SettleAsync(trackedId, status, at, time, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        if (await store.ClaimAsync(trackedId, time, cancellationToken).ConfigureAwait(false))
        {
            await store.RecordNotificationAsync(trackedId, NotificationOutcome.OwnerChecked, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
