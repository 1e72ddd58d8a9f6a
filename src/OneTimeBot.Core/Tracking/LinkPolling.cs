using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Runs a <see cref="LinkPoller"/> scan when the host starts and every <see cref="NotificationOptions.ScanInterval"/>
/// after, on <see cref="TimeProvider"/>'s clock; a failed scan is logged and tried again at the next tick. The poller
/// and its options are taken only once the host runs: a host resolves its background services before it validates
/// its settings, and the poller reads the workspaces' settings, which would then fail on the first wrong one instead
/// of start-up naming every wrong key at once.
/// </summary>
public sealed partial class LinkPolling(IServiceProvider services, TimeProvider time, ILogger<LinkPolling> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poller = services.GetRequiredService<LinkPoller>();
        using var timer = new PeriodicTimer(services.GetRequiredService<IOptions<NotificationOptions>>().Value.ScanInterval, time);
        do
        {
            try
            {
                await poller.PollDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The type only: an exception's message could quote what it was handling.
                LogScanFailed(ex.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for tracked links to poll failed with {ExceptionType}; will try again")]
    private partial void LogScanFailed(string exceptionType);
}
