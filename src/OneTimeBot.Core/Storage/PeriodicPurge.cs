using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Runs a purge of expired rows now and then every <see cref="Interval"/>, so "expired" means deleted; a failed run is
/// logged and tried again at the next tick rather than stopping the host.
/// </summary>
public abstract partial class PeriodicPurge(TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>What is purged, for the log.</summary>
    protected abstract string What { get; }

    /// <summary>Deletes what expired before <paramref name="now"/> and returns how many rows went.</summary>
    protected abstract Task<int> PurgeAsync(DateTimeOffset now, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var removed = await PurgeAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    LogPurged(logger, removed, What);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(logger, What, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired rows of {What}")]
    private static partial void LogPurged(ILogger logger, int count, string what);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired {What} failed; will try again")]
    private static partial void LogPurgeFailed(ILogger logger, string what, Exception exception);
}
