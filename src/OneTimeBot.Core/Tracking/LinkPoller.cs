using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Asks secret services about the tracked links that are due (<see cref="PollSchedule"/>):
/// <c>GET /api/v1/private/METADATA_KEY</c>, within each host's <see cref="PollBudget"/>. Each due link is leased to one
/// replica, which polls it, then settles it through <see cref="LinkStatusNotifier"/> when it was opened, burned or
/// expired, or sets its next poll. The same scan notices links of the embedded service that expired unopened, and
/// offers again the messages of settled links that were not decided in time (<see cref="NotificationClaim"/>).
/// <see cref="LinkPolling"/> runs a scan every <see cref="NotificationOptions.ScanInterval"/>.
/// </summary>
public sealed partial class LinkPoller(
    ITrackedShareStore store,
    LinkStatusNotifier notifier,
    MetadataKeySeal seal,
    WorkspaceSettingsService workspaces,
    IOneTimeSecretClient client,
    PollBudget budget,
    TimeProvider time,
    ILogger<LinkPoller> logger)
{
    /// <summary>
    /// How many due links one replica takes at a time: few enough that their polls, one <see cref="CallBudget"/> each
    /// even if all are on one slow host, end well within the <see cref="Lease"/>, so no other replica polls them too.
    /// </summary>
    private const int Batch = 10;

    /// <summary>How long a taken link is this replica's: longer than the polls of one batch can take.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>A poll's time in all: nobody waits for it, but a batch should not wait on one slow server for long.</summary>
    private static readonly TimeSpan CallBudget = TimeSpan.FromSeconds(20);

    /// <summary>How long a link whose poll threw is left before it is tried again.</summary>
    private static readonly TimeSpan AfterFailure = TimeSpan.FromHours(1);

    /// <summary>How long a host that answered 429 without saying how long is left alone.</summary>
    private static readonly TimeSpan DefaultPause = TimeSpan.FromMinutes(1);

    /// <summary>The longest a host's 429 stops polls of it: the schedule's longest interval.</summary>
    private static readonly TimeSpan LongestPause = TimeSpan.FromHours(1);

    /// <summary>Polls every link due now, a batch at a time; returns how many it polled.</summary>
    public async Task<int> PollDueAsync(CancellationToken cancellationToken)
    {
        var polled = 0;
        IReadOnlyList<TrackedShare> due;
        do
        {
            var now = time.GetUtcNow();
            due = await store.LeaseDuePollsAsync(now, now + Lease, Batch, cancellationToken).ConfigureAwait(false);
            // One lane per host: a slow host holds up its own links only, never another host's.
            await Task.WhenAll(due.GroupBy(s => s.BackendHost, StringComparer.OrdinalIgnoreCase)
                .Select(lane => PollLaneAsync(lane, cancellationToken))).ConfigureAwait(false);

            polled += due.Count;
        }
        while (due.Count == Batch && !cancellationToken.IsCancellationRequested);

        return polled;
    }

    private async Task PollLaneAsync(IEnumerable<TrackedShare> lane, CancellationToken cancellationToken)
    {
        foreach (var share in lane)
        {
            await PollOneAsync(share, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Polls one link so that nothing wrong with it (a sealed key that no longer opens, a store or messenger that
    /// throws) keeps the rest of the batch waiting for their lease: it is logged by id and kind, and asked about again in
    /// an hour, when whatever was wrong may be fixed, until it expires and is purged.
    /// </summary>
    private async Task PollOneAsync(TrackedShare share, CancellationToken cancellationToken)
    {
        try
        {
            await PollAsync(share, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: an exception's text can carry what it was handed (a key, a body).
            LogLinkFailed(share.Id, failure.GetType().Name);
            try
            {
                await store.ReschedulePollAsync(share.Id, time.GetUtcNow() + AfterFailure, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception rescheduling) when (rescheduling is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Its lease runs out and the link is taken again then.
                LogLinkFailed(share.Id, rescheduling.GetType().Name);
            }
        }
    }

    private async Task PollAsync(TrackedShare share, CancellationToken cancellationToken)
    {
        if (share.Status != SecretStatus.New)
        {
            // Settled, its message not decided in time (see NotificationClaim): nothing to ask the server. A claim keeps
            // the link offered until its lease runs out, so one held by a live replica now is looked at again then.
            // A message decided meanwhile (or by a version that kept such links offered) only leaves the pass.
            if (share.Notification is null)
            {
                await notifier.TellAsync(share, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await store.EndNotificationRetriesAsync(share.Id, cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        var now = time.GetUtcNow();
        if (await budget.TakeAsync(share.BackendHost, now, cancellationToken).ConfigureAwait(false) is { } later)
        {
            await store.ReschedulePollAsync(share.Id, later, cancellationToken).ConfigureAwait(false);
            return;
        }

        var connection = await workspaces.ConnectionForReceiptAsync(share.Workspace, share.Backend, cancellationToken).ConfigureAwait(false);
        if (!connection.IsSuccess)
        {
            // The backend is no longer one this bot may call; the link still works, or expires, as it was made to.
            LogNoConnection(share.Id, share.Workspace.Key);
            await RescheduleAsync(share, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        var receipt = await client.GetReceiptAsync(connection.Value.Connection with { Budget = CallBudget, WithoutRetries = true }, seal.Open(share.Id, share.SealedMetadataKey), cancellationToken).ConfigureAwait(false);
        now = time.GetUtcNow();
        if (receipt.IsSuccess)
        {
            var (status, changedAt) = ReceiptStatus.Of(receipt.Value, share.ExpiresAt, now);
            await SettleOrRescheduleAsync(share, status, status == SecretStatus.Expired ? share.ExpiresAt : changedAt ?? now, now, cancellationToken).ConfigureAwait(false);
            return;
        }

        switch (receipt.Error.Kind)
        {
            case OtsFailureKind.RateLimited:
                // Every replica honours the pause, for as long as it says: a Retry-After of years would end tracking there.
                var pause = receipt.Error.RetryAfter ?? DefaultPause;
                var until = now + (pause > LongestPause ? LongestPause : pause);
                await budget.WaitUntilAsync(share.BackendHost, now, until, cancellationToken).ConfigureAwait(false);
                LogPaused(share.BackendHost, until);
                await store.ReschedulePollAsync(share.Id, until, cancellationToken).ConfigureAwait(false);
                break;
            case OtsFailureKind.SecretNotFound when now >= share.ExpiresAt:
                // Its receipt is gone with its time: nobody opened it.
                await notifier.SettledAsync(share, SecretStatus.Expired, share.ExpiresAt, cancellationToken).ConfigureAwait(false);
                break;
            default:
                LogPollFailed(share.Id, share.BackendHost, receipt.Error.Kind);
                await RescheduleAsync(share, now, cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    private async Task SettleOrRescheduleAsync(TrackedShare share, SecretStatus status, DateTimeOffset at, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (status == SecretStatus.New)
        {
            await RescheduleAsync(share, now, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await notifier.SettledAsync(share, status, at, cancellationToken).ConfigureAwait(false);
        }
    }

    private Task RescheduleAsync(TrackedShare share, DateTimeOffset now, CancellationToken cancellationToken) =>
        store.ReschedulePollAsync(share.Id, PollSchedule.Next(share.Created, share.ExpiresAt, now, announcesChanges: share.BackendReceiptId is not null), cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tracked link {TrackedId} in {Workspace} is on a backend this bot no longer calls; not polled")]
    private partial void LogNoConnection(string trackedId, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling tracked link {TrackedId} on {Host} failed: {FailureKind}; will try again")]
    private partial void LogPollFailed(string trackedId, string host, OtsFailureKind failureKind);

    [LoggerMessage(Level = LogLevel.Error, Message = "Tracked link {TrackedId} could not be polled ({ExceptionType}); the other links go on and it is tried again in an hour")]
    private partial void LogLinkFailed(string trackedId, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Host} asked for a pause: no polls of it until {Until:O}")]
    private partial void LogPaused(string host, DateTimeOffset until);
}
