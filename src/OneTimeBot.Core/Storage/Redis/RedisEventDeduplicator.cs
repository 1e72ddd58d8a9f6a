using OneTimeBot.Core.Events;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary><c>SET NX PX</c>: exactly one replica claims an event, and Redis forgets it after the window.</summary>
public sealed class RedisEventDeduplicator(RedisConnection redis) : IEventDeduplicator
{
    public async Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await db.StringSetAsync(redis.KeyPrefix + "event:" + eventKey, "1", window, When.NotExists).ConfigureAwait(false);
    }

    public async Task<bool> WasClaimedAsync(string eventKey, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await db.KeyExistsAsync(redis.KeyPrefix + "event:" + eventKey).ConfigureAwait(false);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
}
