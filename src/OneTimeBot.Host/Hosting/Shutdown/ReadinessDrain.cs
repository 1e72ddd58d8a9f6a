using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Shutdown;

/// <summary>
/// The first step of a stop: <c>/readyz</c> turns 503 while the server still serves, for <see cref="ShutdownOptions.DrainDelay"/>,
/// so that a load balancer stops sending new requests here before the server stops taking them. It runs as the host
/// begins to stop, before any service (the web server included) is asked to stop.
/// </summary>
public sealed partial class ReadinessDrain(IOptions<ShutdownOptions> options, TimeProvider time, ILogger<ReadinessDrain> logger) : IHostedLifecycleService
{
    private int _draining;

    /// <summary>Whether the host is stopping: it should get no new requests.</summary>
    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        // Once: a host asked to stop twice (a test host's disposal does) drains once.
        if (Interlocked.Exchange(ref _draining, 1) == 1)
        {
            return;
        }

        var delay = options.Value.DrainDelay;
        LogDraining(delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The stop's own time ran out (or a second signal came): stop now.
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: /readyz answers 503 for {DrainSeconds} s while the server still serves, then the server stops")]
    private partial void LogDraining(double drainSeconds);
}
