using OneTimeBot.Core.RateLimits;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// <c>INCR</c>, and an expiry set when the counter is new, in one script: Redis forgets the counter by itself. A pause
/// is a key holding when it ends, compared with the caller's clock, and expiring then.
/// </summary>
public sealed class RedisRateCounter(RedisConnection redis) : IRateCounter
{
    private const string IncrementWithLifetime = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    // ARGV[1] is the lifetime, ARGV[i + 1] the limit of KEYS[i]; returns the 0-based index of the first over its limit.
    private const string IncrementInTurn = """
        for i, key in ipairs(KEYS) do
            local count = redis.call('INCR', key)
            if count == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
            if count > tonumber(ARGV[i + 1]) then return i - 1 end
        end
        return -1
        """;

    private const string PauseUntil = """
        local known = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > known then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
        """;

    public async Task PauseAsync(string key, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var lifetime = (long)Math.Max(1, (until - now).TotalMilliseconds);
        await db.ScriptEvaluateAsync(PauseUntil, [(RedisKey)(redis.KeyPrefix + key)], [until.ToUnixTimeMilliseconds(), lifetime]).ConfigureAwait(false);
    }

    public async Task<DateTimeOffset?> PausedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await db.StringGetAsync(redis.KeyPrefix + key).ConfigureAwait(false) is { HasValue: true } value
            && (long)value is var until && until > now.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(until)
            : null;
    }

    public async Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (long)await db.ScriptEvaluateAsync(IncrementWithLifetime, [(RedisKey)(redis.KeyPrefix + key)], [(long)lifetime.TotalMilliseconds]).ConfigureAwait(false);
    }

    public async Task<int> IncrementInTurnAsync(IReadOnlyList<CounterLimit> counters, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counters);
        var keys = new RedisKey[counters.Count];
        var arguments = new RedisValue[counters.Count + 1];
        arguments[0] = (long)lifetime.TotalMilliseconds;
        for (var i = 0; i < counters.Count; i++)
        {
            keys[i] = redis.KeyPrefix + counters[i].Key;
            arguments[i + 1] = counters[i].Limit;
        }

        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (int)(long)await db.ScriptEvaluateAsync(IncrementInTurn, keys, arguments).ConfigureAwait(false);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
}
