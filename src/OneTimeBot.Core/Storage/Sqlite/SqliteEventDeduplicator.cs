using System.Collections.Concurrent;
using OneTimeBot.Core.Events;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Claims in <c>bot_events</c>. A claim made to ride with the caller's next write is held in memory until it is
/// committed, so a repeat in this process is refused at once, before the caller does any of the work the claim guards;
/// after the commit the table refuses it.
/// </summary>
public sealed class SqliteEventDeduplicator(SqliteDatabase database, TimeProvider time) : IEventDeduplicator
{
    // A key whose window has passed may be claimed again.
    private const string Claim = """
        INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)
        ON CONFLICT (event_key) DO UPDATE SET expires = excluded.expires WHERE bot_events.expires <= $now
        """;

    // Claims made in this process and not yet committed; removed only after the commit, so that a key is always
    // either here or readable in the table.
    private readonly ConcurrentDictionary<string, byte> _uncommitted = new(StringComparer.Ordinal);

    public async Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        if (_uncommitted.ContainsKey(eventKey))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var claimed = await database.ExecuteAsync(SqliteStateSchema.Tables, Claim,
            [("$key", eventKey), ("$expires", (now + window).ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return claimed == 1;
    }

    public async Task<PendingClaim?> ClaimWithNextWriteAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        if (!_uncommitted.TryAdd(eventKey, 0))
        {
            return null;
        }

        DeferredWrite<bool> write;
        try
        {
            // After the key went in above: whatever claim this one raced with is either still held there or committed.
            if (await WasClaimedAsync(eventKey, cancellationToken).ConfigureAwait(false))
            {
                _uncommitted.TryRemove(eventKey, out _);
                return null;
            }

            var now = time.GetUtcNow();
            write = await database.WriteWithNextAsync(SqliteStateSchema.Tables, statements => statements.Execute(Claim,
                [("$key", eventKey), ("$expires", (now + window).ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds())]) == 1,
                cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            _uncommitted.TryRemove(eventKey, out _);
            throw;
        }

        _ = ForgetOnceCommittedAsync(eventKey, write.Stored);
        return new PendingClaim(write.CommittedAsync);
    }

    private async Task ForgetOnceCommittedAsync(string eventKey, Task<bool> stored)
    {
        try
        {
            await stored.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Failed or not: either way it no longer waits. Whoever awaits the claim sees the failure.
        }
        finally
        {
            _uncommitted.TryRemove(eventKey, out _);
        }
    }

    public Task<bool> WasClaimedAsync(string eventKey, CancellationToken cancellationToken) =>
        database.ReadAsync(SqliteStateSchema.Tables, statements =>
        {
            var command = statements.Prepare("SELECT 1 FROM bot_events WHERE event_key = $key AND expires > $now",
                [("$key", eventKey), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())]);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(SqliteStateSchema.Tables, "bot_events", "expires <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
