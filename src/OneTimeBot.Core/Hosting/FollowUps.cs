using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Telemetry;

namespace OneTimeBot.Core.Hosting;

/// <summary>
/// Work that finishes after the platform was already answered (a slow backend, a button press, a chat message). It runs off the
/// request, is awaited on shutdown so a card in flight still arrives, and logs its failures by name only. What is still running
/// when the stop's time (<c>Host:ShutdownTimeout</c>) runs out is cancelled and reported, how many of which kind, never dropped
/// silently. Its span is a child of the request that queued it, so that the request, its backend call and the late answer
/// are one trace even though the request's own span has ended by then. <c>what</c> is a fixed description, never anything a user typed.
/// </summary>
public sealed partial class FollowUps(ILogger<FollowUps> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<int, (string What, Task Task)> _running = new();
    private int _next;

    public void Run(string what, Func<CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var id = Interlocked.Increment(ref _next);
        var queuedBy = Activity.Current?.Context ?? default;
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var task = Task.Run(async () =>
        {
            // Registered before it runs, so that one finishing at once is not left behind as still running.
            await started.Task.ConfigureAwait(false);
            using var span = BotTelemetry.Source.StartActivity("follow-up " + what, ActivityKind.Internal, queuedBy);
            try
            {
                await work(_stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                LogAbandoned(what);
                span?.SetStatus(ActivityStatusCode.Error);
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
        _running[id] = (what, task);
        started.SetResult();
    }

    /// <summary>Waits until everything started so far has finished.</summary>
    public Task DrainAsync() => Task.WhenAll(_running.Values.Select(r => r.Task));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await DrainAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Kinds only, as they were named when started: what a follow-up carries stays out of the log.
            var left = _running.Values.Where(r => !r.Task.IsCompleted).GroupBy(r => r.What, StringComparer.Ordinal)
                .Select(g => (Kind: g.Key, Count: g.Count())).OrderBy(k => k.Kind, StringComparer.Ordinal).ToArray();
            if (left.Length > 0)
            {
                LogUnfinished(left.Sum(k => k.Count),
                    string.Join("; ", left.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Kind}: {k.Count}"))));
            }

            await _stopping.CancelAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => _stopping.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} follow-ups did not finish within the shutdown timeout and were cancelled: {Kinds}")]
    private partial void LogUnfinished(int count, string kinds);

    [LoggerMessage(Level = LogLevel.Error, Message = "Follow-up '{What}' failed with {ExceptionType}")]
    private partial void LogFailed(string what, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up '{What}' was abandoned at shutdown")]
    private partial void LogAbandoned(string what);
}
