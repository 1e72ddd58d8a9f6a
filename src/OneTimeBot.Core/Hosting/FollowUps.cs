using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Telemetry;

namespace OneTimeBot.Core.Hosting;

/// <summary>
/// Work that finishes after the platform was already answered (a slow backend, a button press, a chat message). It runs off the
/// request, is awaited on shutdown so a card in flight still arrives, and logs its failures by name only. Its span is a
/// child of the request that queued it, so that the request, its backend call and the late answer are one trace even
/// though the request's own span has ended by then. <c>what</c> is a fixed description, never anything a user typed.
/// </summary>
public sealed partial class FollowUps(ILogger<FollowUps> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, Task> _running = new();
    private int _next;

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var id = Interlocked.Increment(ref _next);
        var queuedBy = Activity.Current?.Context ?? default;
        var task = Task.Run(async () =>
        {
            using var span = BotTelemetry.Source.StartActivity("follow-up " + what, ActivityKind.Internal, queuedBy);
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                LogAbandoned(what);
                span?.SetStatus(ActivityStatusCode.Error, "abandoned at shutdown");
            }
            catch (Exception ex)
            {
                // The exception's type only: its message could quote a payload.
                LogFailed(what, ex.GetType().Name);
                span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            }
            finally
            {
                _running.TryRemove(id, out _);
            }
        });
        _running[id] = task;
    }

    /// <summary>Waits until everything started so far has finished.</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Values);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up '{What}' failed with {ExceptionType}")]
    private partial void LogFailed(string what, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up '{What}' was abandoned at shutdown")]
    private partial void LogAbandoned(string what);
}
