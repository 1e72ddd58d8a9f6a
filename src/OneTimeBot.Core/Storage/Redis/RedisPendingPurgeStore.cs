namespace OneTimeBot.Core.Storage.Redis;

/// <summary>One set of the purges app removals still owe; it holds a member only while a purge is owed.</summary>
public sealed class RedisPendingPurgeStore(RedisConnection redis) : IPendingPurgeStore
{
    private string Key => redis.KeyPrefix + "purge-pending";

    public async Task AddAsync(PurgeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.SetAddAsync(Key, target.Key).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<PurgeTarget>> ListAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(Key).ConfigureAwait(false)).Select(m => PurgeTarget.FromKey(m.ToString())).OfType<PurgeTarget>()];
    }

    public async Task RemoveAsync(PurgeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.SetRemoveAsync(Key, target.Key).ConfigureAwait(false);
    }
}
