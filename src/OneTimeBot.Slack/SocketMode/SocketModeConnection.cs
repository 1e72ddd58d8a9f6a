using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using Microsoft.Extensions.Logging;
using OneTimeBot.Slack.Hosting;

namespace OneTimeBot.Slack.SocketMode;

/// <summary>
/// One open Socket Mode connection: reads Slack's frames, hands each envelope to the <see cref="SocketEnvelopeHandler"/>
/// as soon as it arrives (a slow one does not hold up the next) and acks it on this connection with what the HTTP
/// endpoint would have answered. It reports Slack's <c>hello</c>, its <c>disconnect</c> request and its own end to the
/// <see cref="SocketModeService"/>, which decides what to open and close. A frame it cannot read, or of a type it does
/// not know, is logged without its content and skipped; the connection stays.
/// </summary>
internal sealed partial class SocketModeConnection : IAsyncDisposable
{
    /// <summary>Larger than any payload Slack posts over HTTP, plus the envelope around it.</summary>
    private const int MaxFrameBytes = Core.Hosting.RequestBodyLimits.SlackBytes + (16 * 1024);

    private readonly ClientWebSocket _socket;
    private readonly SocketEnvelopeHandler _handler;
    private readonly SocketModeStatus _status;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly CancellationToken _work;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly ConcurrentDictionary<int, Task> _inFlight = new();
    private readonly TaskCompletionSource<bool> _hello = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _disconnect = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private int _nextEnvelope;
    private int _counted;
    private int _retiring;
    private int _turnedAway;

    public SocketModeConnection(string name, ClientWebSocket socket, SocketEnvelopeHandler handler, SocketModeStatus status, TimeProvider time, ILogger logger, CancellationToken work)
    {
        Name = name;
        _socket = socket;
        _handler = handler;
        _status = status;
        _time = time;
        _logger = logger;
        _work = work;
    }

    /// <summary>Which connection this is in the logs: its slot and how many it replaced (e.g. <c>2.3</c>).</summary>
    public string Name { get; }

    /// <summary>True once Slack said hello; false when the connection ended first.</summary>
    public Task<bool> Hello => _hello.Task;

    /// <summary>The reason of Slack's <c>disconnect</c>, once it asked for one.</summary>
    public Task<string> Disconnect => _disconnect.Task;

    /// <summary>Completes when the connection has ended, closed by either side or dropped.</summary>
    public Task Ended => _receiving;

    public void Start() => _receiving = ReceiveAsync();

    /// <summary>
    /// Closes the connection once every envelope it received is acked (within <paramref name="patience"/>), with a
    /// normal close handshake; a peer that does not answer the close is cut off. From the start, envelopes that still
    /// arrive on it are not handled and not acked: their acks could reach a socket already closing and be lost while
    /// the work was done, whereas unacked Slack sends them again on a connection that stays.
    /// </summary>
    public async Task RetireAsync(TimeSpan patience)
    {
        Volatile.Write(ref _retiring, 1);
        LogRetiring(Name, _inFlight.Count);
        var deadline = _time.GetUtcNow() + patience;
        try
        {
            // Again while any is left: one read just before retiring began may have been added since.
            while (!_inFlight.IsEmpty)
            {
                var left = deadline - _time.GetUtcNow();
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException();
                }

                await Task.WhenAll(_inFlight.Values).WaitAsync(left, _time).ConfigureAwait(false);
            }
        }
        catch (TimeoutException)
        {
            LogAcksAbandoned(Name, _inFlight.Count);
        }

        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var closing = new CancellationTokenSource(patience, _time);
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, closing.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Already gone: nothing left to close.
        }
        finally
        {
            _sending.Release();
        }

        try
        {
            await _receiving.WaitAsync(patience, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _socket.Abort();
        }

        if (Volatile.Read(ref _turnedAway) is > 0 and var turnedAway)
        {
            LogTurnedAway(Name, turnedAway);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Abort();
        await _receiving.ConfigureAwait(false);
        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task ReceiveAsync()
    {
        // Off the caller's context: the loop lives as long as the connection.
        await Task.Yield();
        var buffer = new byte[16 * 1024];
        var frame = new ArrayBufferWriter<byte>(16 * 1024);
        var oversized = false;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(), CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    LogClosedBySlack(Name, _socket.CloseStatus?.ToString() ?? "none");
                    await AnswerCloseAsync().ConfigureAwait(false);
                    return;
                }

                if (frame.WrittenCount + received.Count > MaxFrameBytes)
                {
                    oversized = true;
                }
                else if (!oversized)
                {
                    frame.Write(buffer.AsSpan(0, received.Count));
                }

                if (!received.EndOfMessage)
                {
                    continue;
                }

                if (oversized || received.MessageType != WebSocketMessageType.Text)
                {
                    LogUnreadable(Name, oversized ? "larger than any Slack payload" : "not text");
                }
                else
                {
                    OnFrame(frame.WrittenSpan);
                }

                frame.ResetWrittenCount();
                oversized = false;
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The exception's type only: the connection is gone either way.
            LogDropped(Name, ex.GetType().Name);
        }
        finally
        {
            _hello.TrySetResult(false);
            if (Interlocked.Exchange(ref _counted, 0) == 1)
            {
                _status.Closed();
            }
        }
    }

    private async Task AnswerCloseAsync()
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The peer is gone already.
        }
        finally
        {
            _sending.Release();
        }
    }

    private void OnFrame(ReadOnlySpan<byte> utf8)
    {
        var envelope = SocketEnvelope.TryRead(utf8);
        switch (envelope)
        {
            case null or { Type: null }:
                LogUnreadable(Name, "not a Socket Mode frame");
                return;
            case { Type: SocketEnvelope.Hello }:
                if (Interlocked.Exchange(ref _counted, 1) == 0)
                {
                    _status.Opened();
                }

                LogHello(Name, envelope.NumConnections ?? 0);
                _hello.TrySetResult(true);
                return;
            case { Type: SocketEnvelope.Disconnect }:
                var reason = envelope.Reason is SocketEnvelope.RefreshRequested or SocketEnvelope.Warning or SocketEnvelope.LinkDisabled ? envelope.Reason : "other";
                LogDisconnectRequested(Name, reason);
                _disconnect.TrySetResult(reason);
                return;
            case { Type: SocketEnvelope.SlashCommands or SocketEnvelope.Interactive or SocketEnvelope.EventsApi, EnvelopeId: { Length: > 0 } }
                when Volatile.Read(ref _retiring) == 1:
                // Not acked: Slack sends it again on the connection that replaces this one.
                Interlocked.Increment(ref _turnedAway);
                return;
            case { Type: SocketEnvelope.SlashCommands or SocketEnvelope.Interactive or SocketEnvelope.EventsApi, EnvelopeId: { Length: > 0 } }:
                Dispatch(envelope);
                return;
            case { Type: SocketEnvelope.SlashCommands or SocketEnvelope.Interactive or SocketEnvelope.EventsApi }:
                LogUnreadable(Name, "an envelope without an envelope_id");
                return;
            default:
                LogUnknownType(Name, Printable(envelope.Type));
                return;
        }
    }

    private void Dispatch(SocketEnvelope envelope)
    {
        var id = Interlocked.Increment(ref _nextEnvelope);
        // Listed before it starts: a task that finished at once would otherwise remove its entry before it was added,
        // and the entry of a finished task would hold a retirement up for nothing.
        var work = new Task<Task>(() => AnswerAndForgetAsync(id, envelope));
        _inFlight[id] = work.Unwrap();
        work.Start(TaskScheduler.Default);
    }

    private async Task AnswerAndForgetAsync(int id, SocketEnvelope envelope)
    {
        try
        {
            await AnswerAsync(envelope).ConfigureAwait(false);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    private async Task AnswerAsync(SocketEnvelope envelope)
    {
        SlackAnswer? answer;
        try
        {
            answer = await _handler.HandleAsync(envelope, _work).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogFailed(Name, envelope.Type!, ex.GetType().Name);
            return;
        }

        switch (answer)
        {
            case null:
                return;
            case { Status: 503 }:
                // Not acked, as HTTP answers 503: Slack sends the envelope again, when the store may be back.
                LogNotAcked(Name, envelope.Type!);
                return;
            case { Status: 400 }:
                // Acked all the same, so that Slack does not send it again: nothing was acted on, and never will be.
                await SendAsync(SocketAck.Write(envelope.EnvelopeId!, null)).ConfigureAwait(false);
                return;
            default:
                await SendAsync(SocketAck.Write(envelope.EnvelopeId!, answer.Json)).ConfigureAwait(false);
                return;
        }
    }

    private async Task SendAsync(byte[] frame)
    {
        // A handler may finish after the connection was disposed (its retirement gave up waiting): the ack is lost
        // then, and logged, rather than thrown where nobody observes it.
        var holding = false;
        try
        {
            await _sending.WaitAsync().ConfigureAwait(false);
            holding = true;
            await _socket.SendAsync(frame, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or InvalidOperationException)
        {
            LogAckLost(Name, ex.GetType().Name);
        }
        finally
        {
            if (holding)
            {
                Release();
            }
        }
    }

    private void Release()
    {
        try
        {
            _sending.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while this send held it: nobody waits for it any more.
        }
    }

    /// <summary>A frame type as it may be logged: an identifier as Slack's are, else not at all.</summary>
    private static string Printable(string type) =>
        type.Length is > 0 and <= 40 && type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? type : "(unprintable)";

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Name} open; Slack counts {Count} connection(s) for the app")]
    private partial void LogHello(string name, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack asked to close Socket Mode connection {Name}: {Reason}")]
    private partial void LogDisconnectRequested(string name, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack closed Socket Mode connection {Name} ({CloseStatus})")]
    private partial void LogClosedBySlack(string name, string closeStatus);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack Socket Mode connection {Name} dropped ({ExceptionType})")]
    private partial void LogDropped(string name, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a frame on Slack Socket Mode connection {Name}: {Why}; the connection stays")]
    private partial void LogUnreadable(string name, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a Slack Socket Mode frame of unknown type '{Type}' on connection {Name}; the connection stays")]
    private partial void LogUnknownType(string name, string type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Did not ack a Slack {Type} envelope on connection {Name}: the store is down, so Slack will send it again")]
    private partial void LogNotAcked(string name, string type);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling a Slack {Type} envelope on connection {Name} failed with {ExceptionType}")]
    private partial void LogFailed(string name, string type, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not ack a Slack envelope on connection {Name}: {ExceptionType}")]
    private partial void LogAckLost(string name, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack Socket Mode connection {Name} left {Count} envelope(s) that arrived while it was closing unacked, for Slack to send again on another connection")]
    private partial void LogTurnedAway(string name, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing Slack Socket Mode connection {Name} once the {Count} envelope(s) it is answering are acked")]
    private partial void LogRetiring(string name, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closed Slack Socket Mode connection {Name} with {Count} envelope(s) still unanswered")]
    private partial void LogAcksAbandoned(string name, int count);
}
