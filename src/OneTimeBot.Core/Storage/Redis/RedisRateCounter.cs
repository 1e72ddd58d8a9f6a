using OneTimeBot.Core.RateLimits;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary><c>INCR</c>, and an expiry set when the counter is new, in one script: Redis forgets the counter by itself.</summary>
public sealed class RedisRateCounter(RedisConnection redis) : IRateCounter
{
    private const string IncrementWithLifetime = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (long)await db.ScriptEvaluateAsync(IncrementWithLifetime, [(RedisKey)(redis.KeyPrefix + key)], [(long)lifetime.TotalMilliseconds]).ConfigureAwait(false);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
}
