using OneTimeBot.Core.RateLimits;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteRateCounter(SqliteDatabase database, TimeProvider time) : IRateCounter
{
    /// <summary>The counters' table, shared by every counting store in the file.</summary>
    public static readonly SqliteSchema Schema = new("""
        CREATE TABLE IF NOT EXISTS bot_rate_counts (
            counter_key TEXT PRIMARY KEY,
            count INTEGER NOT NULL,
            expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_rate_counts_expires ON bot_rate_counts (expires);
        """);

    // A counter whose lifetime has ended starts again at one.
    private const string Increment = """
        INSERT INTO bot_rate_counts (counter_key, count, expires) VALUES ($key, 1, $expires)
        ON CONFLICT (counter_key) DO UPDATE SET
            count = CASE WHEN bot_rate_counts.expires <= $now THEN 1 ELSE bot_rate_counts.count + 1 END,
            expires = CASE WHEN bot_rate_counts.expires <= $now THEN $expires ELSE bot_rate_counts.expires END
        RETURNING count
        """;

    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var count = await database.ExecuteScalarAsync(Schema, Increment,
            [("$key", key), ("$now", now.ToUnixTimeMilliseconds()), ("$expires", (now + lifetime).ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return (long)count!;
    }

    // One write for the lot, answered once it has run: a command waits for no commit to learn whether it may go ahead.
    // A commit that fails after undoes the counts, which for a flood limit only lets a few more through.
    public Task<int> IncrementInTurnAsync(IReadOnlyList<CounterLimit> counters, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var now = time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var expires = (now + lifetime).ToUnixTimeMilliseconds();
        return database.WriteAnsweredBeforeCommitAsync(Schema, statements =>
        {
            for (var i = 0; i < counters.Count; i++)
            {
                if ((long)statements.Scalar(Increment, [("$key", counters[i].Key), ("$now", nowMs), ("$expires", expires)])! > counters[i].Limit)
                {
                    return i;
                }
            }

            return -1;
        }, cancellationToken);
    }

    // A pause is a row that counts nothing and expires when it ends, so the purge that drops old counters drops it too.
    public Task PauseAsync(string key, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.ExecuteAsync(Schema, """
            INSERT INTO bot_rate_counts (counter_key, count, expires) VALUES ($key, 0, $until)
            ON CONFLICT (counter_key) DO UPDATE SET expires = max(bot_rate_counts.expires, $until)
            """,
            [("$key", key), ("$until", until.ToUnixTimeMilliseconds())], cancellationToken);

    public async Task<DateTimeOffset?> PausedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ReadScalarAsync(Schema, "SELECT expires FROM bot_rate_counts WHERE counter_key = $key AND expires > $now",
            [("$key", key), ("$now", now.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false) is long until
            ? DateTimeOffset.FromUnixTimeMilliseconds(until)
            : null;

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(Schema, "bot_rate_counts", "expires <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
