using System.Globalization;
using System.Net.WebSockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Slack.Configuration;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// Keeps <see cref="SocketModeSettings.Connections"/> Socket Mode connections open for as long as the host runs, each in
/// its own slot. When Slack asks to close one (<c>refresh_requested</c>, <c>warning</c>) the slot opens its replacement
/// first and only then closes the old one, once everything it received is acked. A dropped connection is reopened after
/// a jittered, doubling wait; after <c>link_disabled</c> the slot keeps trying at the maximum wait. On shutdown each connection acks what it has and
/// closes normally.
/// </summary>
public sealed partial class SocketModeService(
    SocketModeLinks links,
    SocketEnvelopeHandler handler,
    SocketModeStatus status,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<SocketModeService> logger) : BackgroundService
{
    /// <summary>How long a connection being closed may take to ack what it received, and to finish the close handshake.</summary>
    private static readonly TimeSpan RetirePatience = TimeSpan.FromSeconds(5);

    /// <summary>A failure count whose back-off is the maximum whatever the settings (the doubling is capped at 2^20).</summary>
    private const int AtMaximumBackoff = 21;

    private readonly CancellationTokenSource _work = new();
    private int _disposed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.SocketMode;
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await Task.WhenAll(Enumerable.Range(1, settings.Connections).Select(slot => KeepSlotAsync(slot, settings, running))).ConfigureAwait(false);
    }

    // Disposed twice: as the singleton, and as the hosted service the container made from it.
    public override void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _work.Cancel();
        _work.Dispose();
        base.Dispose();
    }

    private async Task KeepSlotAsync(int slot, SocketModeSettings settings, CancellationTokenSource running)
    {
        await Task.Yield();
        var retiring = new List<Task>();
        var stopped = Cancelled(running.Token);
        SocketModeConnection? current = null;
        var failures = 0;
        var opened = 0;
        try
        {
            while (!running.IsCancellationRequested)
            {
                var next = await OpenAsync(string.Create(CultureInfo.InvariantCulture, $"{slot}.{++opened}"), settings, running.Token).ConfigureAwait(false);
                if (next is null)
                {
                    await WaitToRetryAsync(slot, ++failures, settings, running.Token).ConfigureAwait(false);
                    continue;
                }

                // The replacement is open: only now does the connection it replaces go.
                if (current is not null)
                {
                    retiring.RemoveAll(t => t.IsCompleted);
                    retiring.Add(RetireAsync(current));
                }

                current = next;
                var since = time.GetUtcNow();
                await Task.WhenAny(current.Disconnect, current.Ended, stopped).ConfigureAwait(false);
                if (running.IsCancellationRequested)
                {
                    break;
                }

                if (current.Disconnect.IsCompletedSuccessfully)
                {
                    if (current.Disconnect.Result == SocketEnvelope.LinkDisabled)
                    {
                        // Socket Mode was turned off for the app. Keep asking at the longest wait, so that turning it
                        // back on needs no restart; the rest of the host (pages, Teams) serves on meanwhile.
                        status.Disable();
                        LogLinkDisabled();
                        retiring.RemoveAll(t => t.IsCompleted);
                        retiring.Add(RetireAsync(current));
                        current = null;
                        failures = AtMaximumBackoff;
                        await WaitToRetryAsync(slot, failures, settings, running.Token).ConfigureAwait(false);
                        continue;
                    }

                    // Open the replacement at once; the old connection keeps serving until it is up.
                    failures = 0;
                    continue;
                }

                // Dropped: a connection that stayed up a while starts the back-off afresh.
                failures = time.GetUtcNow() - since >= settings.MaxReconnectDelay ? 1 : failures + 1;
                retiring.RemoveAll(t => t.IsCompleted);
                retiring.Add(RetireAsync(current));
                current = null;
                await WaitToRetryAsync(slot, failures, settings, running.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            if (current is not null)
            {
                retiring.Add(RetireAsync(current));
            }

            await Task.WhenAll(retiring).ConfigureAwait(false);
        }
    }

    /// <summary>A new connection that Slack said hello on, or null when that did not happen within the connect timeout.</summary>
    private async Task<SocketModeConnection?> OpenAsync(string name, SocketModeSettings settings, CancellationToken stopping)
    {
        using var timeout = new CancellationTokenSource(settings.ConnectTimeout, time);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
        SocketModeConnection? connection = null;
        try
        {
            if (await links.OpenAsync(attempt.Token).ConfigureAwait(false) is not { } url)
            {
                return null;
            }

            var socket = new ClientWebSocket();
            socket.Options.KeepAliveInterval = settings.KeepAliveInterval;
            socket.Options.KeepAliveTimeout = settings.KeepAliveTimeout;
            try
            {
                await socket.ConnectAsync(url, attempt.Token).ConfigureAwait(false);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            connection = new SocketModeConnection(name, socket, handler, status, time, loggers.CreateLogger<SocketModeConnection>(), _work.Token);
            connection.Start();
            if (await connection.Hello.WaitAsync(attempt.Token).ConfigureAwait(false))
            {
                return connection;
            }

            LogNoHello(name, "the connection ended first");
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException)
        {
            if (!stopping.IsCancellationRequested)
            {
                // The type only: a WebSocketException's message could name the URL, which carries the ticket.
                LogNoHello(name, ex.GetType().Name);
            }
        }

        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        stopping.ThrowIfCancellationRequested();
        return null;
    }

    private static async Task RetireAsync(SocketModeConnection connection)
    {
        await connection.RetireAsync(RetirePatience).ConfigureAwait(false);
        await connection.DisposeAsync().ConfigureAwait(false);
    }

    private async Task WaitToRetryAsync(int slot, int failures, SocketModeSettings settings, CancellationToken stopping)
    {
        var wait = Backoff(failures, settings);
        LogRetrying(slot, wait.TotalSeconds, failures);
        await Task.Delay(wait, time, stopping).ConfigureAwait(false);
    }

    /// <summary>
    /// The wait before the <paramref name="failures"/>-th attempt in a row: the first delay doubled each time up to the
    /// maximum, of which a random half is taken off so that replicas cut off together do not return together.
    /// </summary>
    internal static TimeSpan Backoff(int failures, SocketModeSettings settings)
    {
        var doubled = settings.ReconnectDelay * Math.Pow(2, Math.Min(Math.Max(failures - 1, 0), 20));
        var ceiling = doubled < settings.MaxReconnectDelay ? doubled : settings.MaxReconnectDelay;
        var jitter = RandomNumberGenerator.GetInt32(0, 1_000_001) / 1_000_000.0;
        return ceiling * (0.5 + (jitter / 2));
    }

    private static Task Cancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Name} did not open: {Why}")]
    private partial void LogNoHello(string name, string why);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reconnecting Slack Socket Mode slot {Slot} in {Seconds:0.###} s (attempt {Failures} in a row)")]
    private partial void LogRetrying(int slot, double seconds, int failures);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack turned Socket Mode off for this app (link_disabled): retrying at the longest reconnect wait. Turn it back on under the app's Socket Mode settings, or configure the signed HTTP endpoints")]
    private partial void LogLinkDisabled();
}
