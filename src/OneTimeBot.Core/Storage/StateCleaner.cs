using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage;

/// <summary>Deletes expired receipts and event ids from stores without native expiry, every few minutes.</summary>
public sealed partial class StateCleaner(IReceiptStore receipts, IEventDeduplicator events, TimeProvider time, ILogger<StateCleaner> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var removed = await receipts.PurgeExpiredAsync(now, stoppingToken).ConfigureAwait(false)
                              + await events.PurgeExpiredAsync(now, stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    LogPurged(removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired receipts and event ids")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired receipts and event ids failed; will try again")]
    private partial void LogFailed(Exception exception);
}
