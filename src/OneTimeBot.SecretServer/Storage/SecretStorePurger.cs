using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>Deletes expired secrets and receipts on a schedule, so "expired" means gone from disk, not hidden.</summary>
public sealed partial class SecretStorePurger(ISecretStore store, TimeProvider time, IOptions<SecretServerOptions> options, ILogger<SecretStorePurger> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        do
        {
            try
            {
                var removed = await store.PurgeExpiredAsync(time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                if (removed > 0)
                {
                    LogPurged(removed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPurgeFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} expired secret-service rows")]
    private partial void LogPurged(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired secrets failed; will try again")]
    private partial void LogPurgeFailed(Exception exception);
}
