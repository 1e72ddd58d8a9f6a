using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteRateCounter(SqliteDatabase database, TimeProvider time) : IRateCounter
{
    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var count = await database.ExecuteScalarAsync(SqliteStateSchema.Tables, """
            INSERT INTO bot_rate_counts (counter_key, count, expires) VALUES ($key, 1, $expires)
            ON CONFLICT (counter_key) DO UPDATE SET count = count + 1
            RETURNING count
            """,
            [("$key", key), ("$expires", (time.GetUtcNow() + lifetime).ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return (long)count!;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteStateSchema.Tables,
            "DELETE FROM bot_rate_counts WHERE expires <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
