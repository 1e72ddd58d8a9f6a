using System.Diagnostics;
using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Storage;
using StackExchange.Redis;

namespace OneTimeBot.Bench;

/// <summary>
/// Fills a store as months of use would: receipts sealed as the vault seals them and replay records, each under a key
/// as random as the host's (an HMAC, a signature), written straight into the tables or keys the stores use, in big
/// transactions or pipelines. Live rows outlast the benchmark; expired rows are there for the purge to delete.
/// </summary>
internal static class StorePrefill
{
    private const int RowsPerTransaction = 50_000;
    private const int KeysPerPipeline = 10_000;

    /// <summary>Inserts the rows into the store's SQLite file, whose tables the store has made; returns how long it took.</summary>
    public static async Task<TimeSpan> SqliteAsync(StoreUnderTest store, int rowsOfEach, bool expired)
    {
        var clock = Stopwatch.StartNew();
        var receipts = new StoreReceiptBodies(store);
        await using var connection = new SqliteConnection($"Data Source={store.SqliteFile};Pooling=False");
        await connection.OpenAsync();
        // Only this loader's own connection: a filled file is the same whatever it was written with.
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-524288;";
            await pragmas.ExecuteNonQueryAsync();
        }

        await using var insertReceipt = connection.CreateCommand();
        insertReceipt.CommandText = "INSERT INTO bot_receipts (id, body, keep_until) VALUES ($id, $body, $keep_until)";
        var receiptId = insertReceipt.Parameters.Add("$id", SqliteType.Text);
        var receiptBody = insertReceipt.Parameters.Add("$body", SqliteType.Text);
        var keepUntil = insertReceipt.Parameters.Add("$keep_until", SqliteType.Integer);
        await using var insertEvent = connection.CreateCommand();
        insertEvent.CommandText = "INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)";
        var eventKey = insertEvent.Parameters.Add("$key", SqliteType.Text);
        var eventExpires = insertEvent.Parameters.Add("$expires", SqliteType.Integer);

        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < rowsOfEach; done += RowsPerTransaction)
        {
            await using var transaction = connection.BeginTransaction();
            insertReceipt.Transaction = transaction;
            insertEvent.Transaction = transaction;
            for (var i = done; i < Math.Min(rowsOfEach, done + RowsPerTransaction); i++)
            {
                var receipt = receipts.Next(now, expired);
                receiptId.Value = receipt.Id;
                receiptBody.Value = StateJson.Write(receipt);
                keepUntil.Value = receipt.KeepUntil.ToUnixTimeMilliseconds();
                await insertReceipt.ExecuteNonQueryAsync();

                eventKey.Value = ReplayKey();
                eventExpires.Value = ReplayExpiry(now, expired).ToUnixTimeMilliseconds();
                await insertEvent.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        return clock.Elapsed;
    }

    /// <summary>
    /// SETs the keys into the store's Redis, with the TTLs the stores give them, or all expiring at
    /// <paramref name="expireAt"/>; returns how long it took.
    /// </summary>
    public static async Task<TimeSpan> RedisAsync(StoreUnderTest store, string connectionString, int keysOfEach, DateTimeOffset? expireAt)
    {
        var clock = Stopwatch.StartNew();
        var receipts = new StoreReceiptBodies(store);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = redis.GetDatabase();
        var now = DateTimeOffset.UtcNow;
        var pending = new List<Task>(2 * KeysPerPipeline);
        for (var i = 0; i < keysOfEach; i++)
        {
            var receipt = receipts.Next(now, expired: false);
            var receiptKey = store.RedisKeyPrefix + "receipt:" + receipt.Id;
            var replayKey = store.RedisKeyPrefix + "event:" + ReplayKey();
            if (expireAt is { } at)
            {
                var ms = at.ToUnixTimeMilliseconds();
                pending.Add(db.ExecuteAsync("SET", receiptKey, StateJson.Write(receipt), "PXAT", ms));
                pending.Add(db.ExecuteAsync("SET", replayKey, "1", "PXAT", ms));
            }
            else
            {
                pending.Add(db.StringSetAsync(receiptKey, StateJson.Write(receipt), receipt.KeepUntil - now));
                pending.Add(db.StringSetAsync(replayKey, "1", ReplayExpiry(now, expired: false) - now));
            }

            if (pending.Count >= 2 * KeysPerPipeline)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
        return clock.Elapsed;
    }

    private static string ReplayKey() => "slack-request:" + StoreReceiptBodies.RandomHex(32);

    // A live replay record outlasts the benchmark (the real ones live 11 minutes, so a million of them is a busy hour's
    // worth kept); an expired one ran out within the last ten minutes.
    private static DateTimeOffset ReplayExpiry(DateTimeOffset now, bool expired) => expired
        ? now - TimeSpan.FromMilliseconds(Random.Shared.Next(1_000, 600_000))
        : now + TimeSpan.FromHours(1) + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 3_600_000));
}
