using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Deletes expired receipts, tracked links, requests for a secret and event ids from stores without native expiry, and
/// finishes the purges app removals still owe (<see cref="WorkspacePurge"/>), on either store.
/// </summary>
public sealed class StateCleaner(
    IReceiptStore receipts, IEventDeduplicator events, ITrackedShareStore trackedShares, ISecretRequestStore requests, WorkspacePurge purges,
    TimeProvider time, ILogger<StateCleaner> logger)
    : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string What => "receipts, tracked links, requests, event ids and owed workspace purges";

    protected override async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await purges.PurgeOwedAsync(cancellationToken).ConfigureAwait(false)
        + await receipts.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false)
        + await trackedShares.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false)
        + await requests.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false)
        + await events.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
}
