using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// The purges app removals still owe, in a sorted set scored by the moment of each one's latest removal (Unix
/// milliseconds); it holds a member only while a purge is owed. An earlier version kept them in a plain set, without a
/// moment: such a member is still read, and purges everything made until it runs.
/// </summary>
public sealed class RedisPendingPurgeStore(RedisConnection redis) : IPendingPurgeStore
{
    // The moment only moves later (see IPendingPurgeStore.AddAsync); ZADD GT would need Redis 6.2.
    private const string Add = """
        local noted = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not noted or tonumber(noted) < tonumber(ARGV[2]) then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) end
        """;

    // A member of the earlier set has no moment to compare: the purge that ran covers everything made until it began.
    private const string Remove = """
        redis.call('SREM', KEYS[2], ARGV[1])
        local noted = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if noted and tonumber(noted) <= tonumber(ARGV[2]) then redis.call('ZREM', KEYS[1], ARGV[1]) end
        """;

    private RedisKey Owed => redis.KeyPrefix + "purge-owed";

    private RedisKey Earlier => redis.KeyPrefix + "purge-pending";

    public async Task AddAsync(PurgeTarget target, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Add, [Owed], [target.Key, removedAt.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OwedPurge>> ListAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var earlier = (await db.SetMembersAsync(Earlier).ConfigureAwait(false)).Select(m => m.ToString()).ToHashSet(StringComparer.Ordinal);
        var owed = new List<OwedPurge>();
        foreach (var entry in await db.SortedSetRangeByRankWithScoresAsync(Owed).ConfigureAwait(false))
        {
            // Noted by both versions: the earlier one's "everything until now" covers the other.
            var key = entry.Element.ToString();
            if (!earlier.Contains(key) && PurgeTarget.FromKey(key) is { } target)
            {
                owed.Add(new OwedPurge(target, DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)));
            }
        }

        owed.AddRange(earlier.Select(PurgeTarget.FromKey).OfType<PurgeTarget>().Select(target => new OwedPurge(target, null)));
        return owed;
    }

    public async Task RemoveAsync(PurgeTarget target, DateTimeOffset doneUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Remove, [Owed, Earlier], [target.Key, doneUpTo.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }
}
