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

    public static async Task<PrefillReport> RunAsync(RedisServer redis, string keyPrefix, int count, PrefillRecords records)
    {
        var started = PrefillReport.Start();
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString))
        {
            var db = connection.GetDatabase();
            var pending = new List<Task>(InFlight);
            var now = DateTimeOffset.UtcNow;
            for (var done = 0; done < count; done++)
            {
                var r = records.Receipt(now);
                pending.Add(db.StringSetAsync(keyPrefix + "receipt:" + r.Id, r.Body, r.KeepUntil - now, When.NotExists));
                var e = records.Replay(now);
                pending.Add(db.StringSetAsync(keyPrefix + "event:" + e.Key, "1", e.Expires - now, When.NotExists));
                if (pending.Count >= InFlight)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }

            await Task.WhenAll(pending);
        }

        return PrefillReport.Finish(started, count, await StateSize.OfRedisAsync(redis));
    }
}
