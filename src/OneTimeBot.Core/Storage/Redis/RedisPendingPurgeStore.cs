using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// The purges app removals still owe, in a sorted set scored by the moment of each one's latest removal (Unix
/// milliseconds); it holds a member only while a purge is owed. An earlier version kept them in a plain set, without a
/// moment, and reads only that: every purge noted goes into both, so a rollback to it still finds every purge owed (and
/// purges everything of it, as it always did), and a member leaves the plain set only with its moment. A member only the
/// plain set holds was noted by that version, and purges everything made until it runs.
/// </summary>
public sealed class RedisPendingPurgeStore(RedisConnection redis) : IPendingPurgeStore
{
    // The moment only moves later (see IPendingPurgeStore.AddAsync); ZADD GT would need Redis 6.2.
    private const string Add = """
        local noted = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if not noted or tonumber(noted) < tonumber(ARGV[2]) then redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1]) end
        redis.call('SADD', KEYS[2], ARGV[1])
        """;

    // Both go together, or both stay: a later removal noted while the purge ran keeps its moment, and the earlier
    // version's member with it. One only the earlier set holds has no moment: the purge that ran covers it.
    private const string Remove = """
        local noted = redis.call('ZSCORE', KEYS[1], ARGV[1])
        if noted and tonumber(noted) > tonumber(ARGV[2]) then return end
        redis.call('ZREM', KEYS[1], ARGV[1])
        redis.call('SREM', KEYS[2], ARGV[1])
        """;

    private RedisKey Owed => redis.KeyPrefix + "purge-owed";

    private RedisKey Earlier => redis.KeyPrefix + "purge-pending";

    public async Task AddAsync(PurgeTarget target, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Add, [Owed, Earlier], [target.Key, removedAt.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<OwedPurge>> ListAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        // The plain set first: a purge noted between the two reads is then read with its moment.
        var earlier = await db.SetMembersAsync(Earlier).ConfigureAwait(false);
        var owed = (await db.SortedSetRangeByRankWithScoresAsync(Owed).ConfigureAwait(false))
            .Select(entry => (Target: PurgeTarget.FromKey(entry.Element.ToString()), At: DateTimeOffset.FromUnixTimeMilliseconds((long)entry.Score)))
            .Where(entry => entry.Target is not null)
            .Select(entry => new OwedPurge(entry.Target!, entry.At))
            .ToList();
        // A member both hold was noted by this version, which writes both. (One an earlier replica noted again during a
        // rolling upgrade is purged of everything by that replica's own cleaner, as long as it runs.)
        var noted = owed.Select(o => o.Target.Key).ToHashSet(StringComparer.Ordinal);
        owed.AddRange(earlier
            .Select(m => m.ToString())
            .Where(key => !noted.Contains(key))
            .Select(PurgeTarget.FromKey).OfType<PurgeTarget>()
            .Select(target => new OwedPurge(target, null)));
        return owed;
    }

    public async Task RemoveAsync(PurgeTarget target, DateTimeOffset doneUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Remove, [Owed, Earlier], [target.Key, doneUpTo.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }
}
