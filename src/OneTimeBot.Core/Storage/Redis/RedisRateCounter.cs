using OneTimeBot.Core.Sharing;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary><c>INCR</c>, and an expiry set only when the counter is new: Redis forgets it by itself.</summary>
public sealed class RedisRateCounter(RedisConnection redis) : IRateCounter
{
    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var redisKey = (RedisKey)(redis.KeyPrefix + "rate:" + key);
        var count = await db.StringIncrementAsync(redisKey).ConfigureAwait(false);
        if (count == 1)
        {
            await db.KeyExpireAsync(redisKey, lifetime).ConfigureAwait(false);
        }

        return count;
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
}
