using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// "Your recent links": a person's last links shared from chat, each with what became of it, and Burn for the ones
/// still waiting, by tracked id, for their owner alone. A burn of a link with a passphrase needs the passphrase, as the
/// backend does. The owner's burn sends them no message about it: the list they pressed it on shows it.
/// </summary>
public sealed partial class RecentLinks(
    ITrackedShareStore store,
    NotifyPreferences preferences,
    LinkStatusNotifier notifier,
    MetadataKeySeal seal,
    WorkspaceSettingsService workspaces,
    IOneTimeSecretClient client,
    TimeProvider time,
    ILogger<RecentLinks> logger)
{
    public async Task<RecentLinkList> ListAsync(Actor owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var now = time.GetUtcNow();
        var shares = await store.RecentAsync(owner.Workspace, owner.UserId, now, cancellationToken).ConfigureAwait(false);
        var notified = await preferences.WantsAsync(owner, cancellationToken).ConfigureAwait(false);
        return new RecentLinkList([.. shares.Select(s => Shown(s, now))], notified);
    }

    /// <summary>The owner's live link behind <paramref name="trackedId"/>, or why it cannot be burned from here.</summary>
    public async Task<Result<RecentLink, SharingError>> FindLiveAsync(Actor owner, string trackedId, CancellationToken cancellationToken)
    {
        var found = await OwnedAsync(owner, trackedId, cancellationToken).ConfigureAwait(false);
        return found.IsSuccess ? Result<RecentLink, SharingError>.Success(Shown(found.Value, time.GetUtcNow())) : found.Error;
    }

    /// <summary>
    /// Burns the owner's link and answers their list as it is after; a link no longer live is not burned, the list
    /// shows what became of it. <paramref name="budget"/> is how long the backend call may take in all.
    /// </summary>
    public async Task<Result<RecentLinkList, SharingError>> BurnAsync(Actor owner, string trackedId, SecretText? passphrase, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var found = await OwnedAsync(owner, trackedId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var share = found.Value;
        if (share.IsSettled || time.GetUtcNow() >= share.ExpiresAt)
        {
            return Result<RecentLinkList, SharingError>.Success(await ListAsync(owner, cancellationToken).ConfigureAwait(false));
        }

        if (share.PassphraseRequired && (passphrase is null || passphrase.IsEmpty))
        {
            return BackendErrors.BurnPassphrase(given: false);
        }

        var connection = await workspaces.ConnectionForReceiptAsync(share.Workspace, share.Backend, cancellationToken).ConfigureAwait(false);
        if (!connection.IsSuccess)
        {
            return connection.Error;
        }

        var call = budget is { } b ? connection.Value.Connection with { Budget = b } : connection.Value.Connection;
        var metadataKey = seal.Open(share.Id, share.SealedMetadataKey);
        var held = await store.ClaimAsync(share.Id, time, cancellationToken).ConfigureAwait(false);
        Result<SecretReceipt, OtsFailure>? attempt = null;
        try
        {
            attempt = await client.BurnAsync(call, metadataKey, passphrase, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (held && attempt is not { IsSuccess: true })
            {
                // Not cancelled with the request: the message must be free to go once the link is opened after all,
                // whether the burn was refused, failed, threw or was cancelled.
                await store.ReleaseNotificationAsync(share.Id, CancellationToken.None).ConfigureAwait(false);
            }
        }

        var burned = attempt.Value;
        if (burned.IsSuccess)
        {
            await store.SettleAsync(share.Id, SecretStatus.Burned, burned.Value.Updated, time, CancellationToken.None).ConfigureAwait(false);
            if (held)
            {
                await store.RecordNotificationAsync(share.Id, NotificationOutcome.OwnersBurn, CancellationToken.None).ConfigureAwait(false);
            }

            LogBurned(share.Id, share.Workspace.Key);
            return Result<RecentLinkList, SharingError>.Success(await ListAsync(owner, cancellationToken).ConfigureAwait(false));
        }

        switch (burned.Error.Kind)
        {
            case OtsFailureKind.SecretNotFound:
                // Opened or expired meanwhile: learn which now, so the list says so (and its owner hears of it as usual).
                var current = await client.GetReceiptAsync(call, metadataKey, cancellationToken).ConfigureAwait(false);
                var now = time.GetUtcNow();
                var (status, changedAt) = current.IsSuccess ? ReceiptStatus.Of(current.Value, share.ExpiresAt, now) : (SecretStatus.Expired, share.ExpiresAt);
                if (status != SecretStatus.New)
                {
                    await notifier.SettledAsync(share, status, status == SecretStatus.Expired ? share.ExpiresAt : changedAt ?? now, cancellationToken).ConfigureAwait(false);
                }

                return Result<RecentLinkList, SharingError>.Success(await ListAsync(owner, cancellationToken).ConfigureAwait(false));
            case OtsFailureKind.WrongPassphrase:
                return BackendErrors.BurnPassphrase(given: passphrase is not null);
            default:
                LogBurnFailed(share.Id, share.Workspace.Key, burned.Error.Kind);
                return BackendErrors.From(burned.Error, connection.Value.Connection.BaseUri.Host, quoteServer: !connection.Value.Connection.PublicOnly);
        }
    }

    private async Task<Result<TrackedShare, SharingError>> OwnedAsync(Actor owner, string trackedId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var share = string.IsNullOrWhiteSpace(trackedId) || trackedId.Length > 64
            ? null
            : await store.FindAsync(trackedId, cancellationToken).ConfigureAwait(false);
        if (share is null || share.Workspace != owner.Workspace || time.GetUtcNow() >= share.KeepUntil)
        {
            return new SharingError(SharingErrorKind.NotFound, CoreStrings.Get("Error.Tracked.NotFound.Message"), CoreStrings.Get("Error.Tracked.NotFound.Hint"));
        }

        if (!string.Equals(share.OwnerUserId, owner.UserId, StringComparison.Ordinal))
        {
            LogNotOwner(share.Id, share.Workspace.Key);
            return new SharingError(SharingErrorKind.NotOwner, CoreStrings.Get("Error.Tracked.NotOwner.Message"), CoreStrings.Get("Error.NotOwner.Hint"));
        }

        return Result<TrackedShare, SharingError>.Success(share);
    }

    /// <summary>As the list shows it: a link whose time ran out is expired, whether or not a poll has said so yet.</summary>
    private static RecentLink Shown(TrackedShare share, DateTimeOffset now)
    {
        var expired = !share.IsSettled && now >= share.ExpiresAt;
        return new RecentLink(
            share.Id,
            expired ? SecretStatus.Expired : share.Status,
            expired ? share.ExpiresAt : share.StatusChangedAt,
            share.SentTo,
            share.Created,
            share.ExpiresAt,
            share.Ttl,
            share.PassphraseRequired,
            share.Generated,
            share.BackendHost);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Burned tracked link {TrackedId} for {Workspace} from its owner's list")]
    private partial void LogBurned(string trackedId, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a burn of tracked link {TrackedId} in {Workspace}: not its owner")]
    private partial void LogNotOwner(string trackedId, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Burning tracked link {TrackedId} for {Workspace} failed: {FailureKind}")]
    private partial void LogBurnFailed(string trackedId, string workspace, OtsFailureKind failureKind);
}
