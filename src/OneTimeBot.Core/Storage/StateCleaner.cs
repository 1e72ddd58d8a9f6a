using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage;

/// <summary>Deletes expired receipts and event ids from stores without native expiry.</summary>
public sealed class StateCleaner(IReceiptStore receipts, IEventDeduplicator events, TimeProvider time, ILogger<StateCleaner> logger)
    : PeriodicPurge(time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(5);

    protected override string What => "receipts and event ids";

    protected override async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await receipts.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false)
        + await events.PurgeExpiredAsync(now, cancellationToken).ConfigureAwait(false);
}
