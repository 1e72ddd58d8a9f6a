using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>One small key per person who ever said <c>notify on</c> or <c>off</c>, kept until they say otherwise.</summary>
public sealed class RedisNotifyPreferenceStore(RedisConnection redis) : INotifyPreferenceStore
{
    public async Task<bool?> FindAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var value = await db.StringGetAsync(Key(workspace, userId)).ConfigureAwait(false);
        return value.HasValue ? value == "on" : null;
    }

    public async Task SaveAsync(WorkspaceId workspace, string userId, bool notify, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.StringSetAsync(Key(workspace, userId), notify ? "on" : "off").ConfigureAwait(false);
    }

    private string Key(WorkspaceId workspace, string userId)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify:" + workspace.Key + ":" + userId;
    }
}
