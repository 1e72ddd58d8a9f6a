using OneTimeBot.Testing;
using StackExchange.Redis;

namespace OneTimeBot.Bench;

/// <summary>
/// Fills a Redis with a host's receipts and replay records before the host starts, as after months of use: the keys
/// the host's Redis stores write (<c>PREFIX receipt:ID</c>, <c>PREFIX event:KEY</c>), each with the time it has left to
/// live, pipelined.
/// </summary>
internal static class RedisPrefill
{
    private const int InFlight = 20_000;

    /// <summary>
    /// SETs <paramref name="count"/> receipts and as many replay records under the host's key names, each with the time
    /// it has left to live or, when <paramref name="expireAt"/> is given, all expiring at that instant.
    /// </summary>
    public static async Task SetAsync(string connectionString, string keyPrefix, int count, PrefillRecords records, DateTimeOffset? expireAt)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var db = connection.GetDatabase();
        var pending = new List<Task>(InFlight);
        var now = DateTimeOffset.UtcNow;
        for (var done = 0; done < count; done++)
        {
            var r = records.Receipt(now);
            var e = records.Replay(now);
            if (expireAt is { } at)
            {
                var instant = at.ToUnixTimeMilliseconds();
                pending.Add(db.ExecuteAsync("SET", keyPrefix + "receipt:" + r.Id, r.Body, "PXAT", instant));
                pending.Add(db.ExecuteAsync("SET", keyPrefix + "event:" + e.Key, "1", "PXAT", instant));
            }
            else
            {
                pending.Add(db.StringSetAsync(keyPrefix + "receipt:" + r.Id, r.Body, r.KeepUntil - now, When.NotExists));
                pending.Add(db.StringSetAsync(keyPrefix + "event:" + e.Key, "1", e.Expires - now, When.NotExists));
            }

            if (pending.Count >= InFlight)
            {
                await Task.WhenAll(pending);
                pending.Clear();
            }
        }

        await Task.WhenAll(pending);
    }

    public static async Task<PrefillReport> RunAsync(RedisServer redis, string keyPrefix, int count, PrefillRecords records)
    {
        var started = PrefillReport.Start();
        await SetAsync(redis.ConnectionString, keyPrefix, count, records, expireAt: null);
        return PrefillReport.Finish(started, count, await StateSize.OfRedisAsync(redis));
    }
}
