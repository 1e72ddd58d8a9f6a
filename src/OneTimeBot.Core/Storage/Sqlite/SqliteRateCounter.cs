using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteRateCounter(SqliteDatabase database, TimeProvider time) : IRateCounter
{
    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        var expires = (time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds();
        return await database.WriteAsync(async connection =>
        {
            await using var increment = connection.CreateCommand();
            increment.CommandText = """
                INSERT INTO bot_rate_counts (counter_key, count, expires) VALUES ($key, 1, $expires)
                ON CONFLICT (counter_key) DO UPDATE SET count = count + 1
                RETURNING count
                """;
            increment.Parameters.AddWithValue("$key", key);
            increment.Parameters.AddWithValue("$expires", expires);
            return (long)(await increment.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async connection =>
        {
            await using var purge = connection.CreateCommand();
            purge.CommandText = "DELETE FROM bot_rate_counts WHERE expires <= $now";
            purge.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
            return await purge.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
