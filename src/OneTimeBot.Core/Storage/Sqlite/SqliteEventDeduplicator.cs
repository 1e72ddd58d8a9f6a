using OneTimeBot.Core.Events;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteEventDeduplicator(SqliteDatabase database, TimeProvider time) : IEventDeduplicator
{
    public async Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        return await database.WriteAsync(async connection =>
        {
            await using var claim = connection.CreateCommand();
            // A key whose window has passed may be claimed again.
            claim.CommandText = """
                INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)
                ON CONFLICT (event_key) DO UPDATE SET expires = excluded.expires WHERE bot_events.expires <= $now
                """;
            claim.Parameters.AddWithValue("$key", eventKey);
            claim.Parameters.AddWithValue("$expires", (now + window).ToUnixTimeMilliseconds());
            claim.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await claim.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async connection =>
        {
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM bot_events WHERE expires <= $now";
            purge.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
