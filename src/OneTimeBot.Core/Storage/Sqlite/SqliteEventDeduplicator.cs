using OneTimeBot.Core.Events;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteEventDeduplicator(SqliteDatabase database, TimeProvider time) : IEventDeduplicator
{
    public async Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // A key whose window has passed may be claimed again.
        var claimed = await database.ExecuteAsync(SqliteStateSchema.Tables, """
            INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)
            ON CONFLICT (event_key) DO UPDATE SET expires = excluded.expires WHERE bot_events.expires <= $now
            """,
            [("$key", eventKey), ("$expires", (now + window).ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return claimed == 1;
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
