using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace OneTimeBot.Testing.Slack;

/// <summary>
/// Slack's Socket Mode side of a <see cref="FakeSlackServer"/>: <c>apps.connections.open</c> hands out single-use
/// <c>ws://127.0.0.1:port/link/?ticket=…</c> URLs to an app-level token; each connection gets Slack's <c>hello</c>, and
/// the test sends envelopes over it, asks for a refresh, cuts it off, and reads the acks the app sent back. As Slack
/// does, an envelope goes to one open connection, never to one that was asked to disconnect.
/// </summary>
public sealed class FakeSocketMode : IDisposable
{
    private readonly ConcurrentDictionary<string, bool> _tickets = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, FakeSocketConnection> _live = new();
    private readonly ConcurrentQueue<FakeSocketConnection> _all = new();
    private readonly ConcurrentQueue<SocketAckRecord> _acks = new();
    private readonly ConcurrentQueue<string> _refusedTickets = new();
    private readonly ConcurrentDictionary<string, (int Connection, JsonObject Frame)> _unacked = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _changed = new(0);
    private int _nextConnection;
    private int _nextEnvelope;
    private int _roundRobin;

    internal FakeSocketMode(Func<Uri> baseUri) => BaseUri = baseUri;

    private Func<Uri> BaseUri { get; }

    /// <summary>Every ticket handed out, so a test can prove none reached a log line.</summary>
    public IReadOnlyList<string> Tickets => [.. _tickets.Keys];

    /// <summary>Connection attempts refused because their ticket was unknown or already used.</summary>
    public int RefusedTickets => _refusedTickets.Count;

    /// <summary>
    /// As Slack does: an envelope still unacked when its connection ends is sent again, with the next
    /// <c>retry_attempt</c>, on another open connection. Off unless a test turns it on.
    /// </summary>
    public bool RedeliversUnacked { get; set; }

    /// <summary>Connections open now, in the order they opened.</summary>
    public IReadOnlyList<FakeSocketConnection> Open => [.. _live.Values.OrderBy(c => c.Id)];

    /// <summary>Every connection ever accepted.</summary>
    public IReadOnlyList<FakeSocketConnection> All => [.. _all];

    public IReadOnlyList<SocketAckRecord> Acks => [.. _acks];

    public IReadOnlyList<SocketAckRecord> AcksOf(string envelopeId) => [.. _acks.Where(a => a.EnvelopeId == envelopeId)];

    /// <summary>Waits until <paramref name="count"/> connections are open at once (hello sent on each).</summary>
    public Task<IReadOnlyList<FakeSocketConnection>> WaitForOpenAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => Open is { } open && open.Count >= count ? open : null, timeout, $"{count} open Socket Mode connection(s)");

    /// <summary>Waits until <paramref name="count"/> connections were accepted in all.</summary>
    public Task<IReadOnlyList<FakeSocketConnection>> WaitForAcceptedAsync(int count, TimeSpan? timeout = null) =>
        WaitAsync(() => All is { } all && all.Count >= count ? all : null, timeout, $"{count} accepted Socket Mode connection(s)");

    public Task<SocketAckRecord> WaitForAckAsync(string envelopeId, TimeSpan? timeout = null) =>
        WaitAsync(() => AcksOf(envelopeId) is [var first, ..] ? first : null, timeout, $"the ack of envelope {envelopeId}");

    /// <summary>Sends an envelope, on <paramref name="on"/> or else the next open connection not being replaced; returns its id.</summary>
    public async Task<string> SendAsync(string type, JsonObject payload, FakeSocketConnection? on = null, bool acceptsResponsePayload = true, string? envelopeId = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var id = envelopeId ?? $"env-{Interlocked.Increment(ref _nextEnvelope)}-{Guid.NewGuid():N}";
        var target = on ?? Next();
        var frame = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = 0,
            ["retry_reason"] = "",
        };
        if (RedeliversUnacked)
        {
            _unacked[id] = (target.Id, frame);
        }

        await target.SendTextAsync(frame.ToJsonString()).ConfigureAwait(false);
        return id;
    }

    /// <summary>A slash command's form fields (as <c>key=value&amp;…</c>), sent as Slack's <c>slash_commands</c> payload.</summary>
    public Task<string> SendCommandAsync(string formBody, FakeSocketConnection? on = null)
    {
        ArgumentNullException.ThrowIfNull(formBody);
        var payload = new JsonObject();
        foreach (var pair in Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(formBody))
        {
            payload[pair.Key] = pair.Value.ToString();
        }

        return SendAsync("slash_commands", payload, on);
    }

    public void Dispose()
    {
        foreach (var connection in _all)
        {
            connection.Dispose();
        }

        _changed.Dispose();
    }

    internal FakeResponse OpenConnection(SlackApiCall call)
    {
        if (!call.Authorization.StartsWith("Bearer xapp-", StringComparison.Ordinal))
        {
            return FakeResponse.Json("""{"ok":false,"error":"invalid_auth"}""");
        }

        var ticket = Guid.NewGuid().ToString("N");
        _tickets[ticket] = false;
        var url = new UriBuilder(BaseUri()) { Scheme = "ws", Path = "/link/", Query = $"ticket={ticket}&app_id=A0ONETIME" }.Uri;
        return FakeResponse.Json(new JsonObject { ["ok"] = true, ["url"] = url.ToString() }.ToJsonString());
    }

    internal async Task AcceptAsync(HttpContext context)
    {
        var ticket = context.Request.Query["ticket"].ToString();
        // Each URL is single-use, as Slack's are.
        if (!_tickets.TryUpdate(ticket, true, false))
        {
            _refusedTickets.Enqueue(ticket);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new FakeSocketConnection(Interlocked.Increment(ref _nextConnection), socket, context);
        _all.Enqueue(connection);
        _live[connection.Id] = connection;
        await connection.SendTextAsync(new JsonObject
        {
            ["type"] = "hello",
            ["num_connections"] = _live.Count,
            ["connection_info"] = new JsonObject { ["app_id"] = "A0ONETIME" },
            ["debug_info"] = new JsonObject { ["host"] = "fake-slack", ["approximate_connection_time"] = 18060 },
        }.ToJsonString()).ConfigureAwait(false);
        _changed.Release();
        try
        {
            await connection.ReceiveAsync(
                ack =>
                {
                    _unacked.TryRemove(ack.EnvelopeId, out _);
                    _acks.Enqueue(ack);
                    _changed.Release();
                },
                () => _live.Count).ConfigureAwait(false);
        }
        finally
        {
            _live.TryRemove(connection.Id, out _);
            await RedeliverAsync(connection.Id).ConfigureAwait(false);
            connection.MarkEnded();
            _changed.Release();
        }
    }

    private async Task RedeliverAsync(int ended)
    {
        foreach (var (id, (connection, frame)) in _unacked)
        {
            if (connection != ended || Open.Where(c => !c.IsRetiring).ToArray() is not { Length: > 0 })
            {
                continue;
            }

            var again = (JsonObject)frame.DeepClone();
            again["retry_attempt"] = frame["retry_attempt"]!.GetValue<int>() + 1;
            again["retry_reason"] = "timeout";
            var target = Next();
            _unacked[id] = (target.Id, again);
            await target.SendTextAsync(again.ToJsonString()).ConfigureAwait(false);
        }
    }

    private FakeSocketConnection Next()
    {
        var open = Open.Where(c => !c.IsRetiring).ToArray();
        if (open.Length == 0)
        {
            throw new InvalidOperationException("No open Socket Mode connection to send an envelope on.");
        }

        return open[(Interlocked.Increment(ref _roundRobin) & int.MaxValue) % open.Length];
    }

    private async Task<T> WaitAsync<T>(Func<T?> check, TimeSpan? timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (check() is { } found)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The fake Slack did not see {what} in time.");
            }

            await _changed.WaitAsync(left < TimeSpan.FromMilliseconds(100) ? left : TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
    }
}

/// <summary>One Socket Mode connection as the fake Slack holds it.</summary>
public sealed class FakeSocketConnection : IDisposable
{
    private readonly WebSocket _socket;
    private readonly HttpContext _context;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closedByApp = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal FakeSocketConnection(int id, WebSocket socket, HttpContext context)
    {
        Id = id;
        _socket = socket;
        _context = context;
    }

    public int Id { get; }

    /// <summary>Asked to disconnect: Slack sends nothing more on it.</summary>
    public bool IsRetiring { get; internal set; }

    /// <summary>Completes when the connection is gone, however it went.</summary>
    public Task Ended => _ended.Task;

    /// <summary>Completes when the app closed the connection with a close handshake.</summary>
    public Task ClosedByApp => _closedByApp.Task;

    /// <summary>Texts the app sent that were not acks (there should be none).</summary>
    public ConcurrentQueue<string> Other { get; } = new();

    public async Task SendTextAsync(string text)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    public async Task SendBinaryAsync(byte[] bytes)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <summary>Slack's <c>disconnect</c>: from now on no envelope goes to this connection.</summary>
    public Task RequestDisconnectAsync(string reason = "refresh_requested")
    {
        IsRetiring = true;
        return SendTextAsync(new JsonObject { ["type"] = "disconnect", ["reason"] = reason, ["debug_info"] = new JsonObject { ["host"] = "fake-slack" } }.ToJsonString());
    }

    public void Dispose() => _sending.Dispose();

    /// <summary>Cuts the TCP connection with no close handshake, as a network failure would.</summary>
    public void Drop() => _context.Abort();

    internal void MarkEnded() => _ended.TrySetResult();

    /// <summary>How many connections were open when the app closed this one: a replacement opened first makes it one more.</summary>
    public int OpenWhenClosedByApp { get; private set; }

    internal async Task ReceiveAsync(Action<SocketAckRecord> onAck, Func<int> openNow)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer, CancellationToken.None).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    OpenWhenClosedByApp = openNow();
                    _closedByApp.TrySetResult();
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _sending.WaitAsync().ConfigureAwait(false);
                        try
                        {
                            await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).ConfigureAwait(false);
                        }
                        finally
                        {
                            _sending.Release();
                        }
                    }

                    return;
                }

                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(message.ToArray());
                message.SetLength(0);
                TestRunLedger.Current.NoteLinksIn(text);
                if (JsonNode.Parse(text) is JsonObject { } ack && ack["envelope_id"]?.GetValue<string>() is { } envelopeId)
                {
                    onAck(new SocketAckRecord(Id, envelopeId, ack["payload"] as JsonObject));
                }
                else
                {
                    Other.Enqueue(text);
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // Dropped: the connection is gone.
        }
    }
}

/// <summary>An ack the app sent: on which connection, for which envelope, and the response payload it carried (if any).</summary>
public sealed record SocketAckRecord(int Connection, string EnvelopeId, JsonObject? Payload);
