using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// One small key per person who ever said <c>notify on</c> or <c>off</c>, kept until they say otherwise, and a set per
/// workspace of who did, so a workspace's purge finds its choices without walking the keyspace. Choices kept before the
/// sets existed are put in them once, by one SCAN, at the first purge after an upgrade.
/// </summary>
public sealed class RedisNotifyPreferenceStore(RedisConnection redis) : INotifyPreferenceStore
{
    private string Indexed => redis.KeyPrefix + "notify-indexed";

    public async Task<bool?> FindAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var value = await db.StringGetAsync(Key(workspace, userId)).ConfigureAwait(false);
        return value.HasValue ? value == "on" : null;
    }

    public async Task SaveAsync(WorkspaceId workspace, string userId, bool notify, string? enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        // The member first: a member whose choice was never written costs a purge nothing, a choice without one would be missed.
        // Separate commands, not a transaction: the keys may live on different shards.
        await db.SetAddAsync(People(workspace), userId).ConfigureAwait(false);
        if (workspace.Platform == ChatPlatform.Slack && enterpriseId is { Length: > 0 })
        {
            // No expiry, as the choice has none: only team ids, read when the org's install is removed.
            await db.SetAddAsync(OfEnterprise(enterpriseId), workspace.Id).ConfigureAwait(false);
        }

        await db.StringSetAsync(Key(workspace, userId), notify ? "on" : "off").ConfigureAwait(false);
    }

    public async Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(Key(workspace, userId)).ConfigureAwait(false);
        await db.SetRemoveAsync(People(workspace), userId).ConfigureAwait(false);
    }

    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await IndexEarlierChoicesOnceAsync(db).ConfigureAwait(false);
        var people = People(workspace);
        var purged = 0L;
        foreach (var chunk in (await db.SetMembersAsync(people).ConfigureAwait(false)).Chunk(500))
        {
            purged += await db.KeyDeleteAsync([.. chunk.Select(user => (RedisKey)Key(workspace, user.ToString()))]).ConfigureAwait(false);
        }

        await db.KeyDeleteAsync(people).ConfigureAwait(false);
        return (int)purged;
    }

    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(OfEnterprise(enterpriseId)).ConfigureAwait(false)).Select(team => new WorkspaceId(ChatPlatform.Slack, team.ToString()))];
    }

    /// <summary>
    /// Puts the choices a version without the per-workspace sets kept into them, once per store: the marker is set only
    /// after every one found is in its set, so a scan that failed is made again at the next purge.
    /// </summary>
    private async Task IndexEarlierChoicesOnceAsync(IDatabase db)
    {
        if (await db.KeyExistsAsync(Indexed).ConfigureAwait(false))
        {
            return;
        }

        var prefix = redis.KeyPrefix + "notify:";
        foreach (var key in await RedisKeyScan.StartingWithAsync(redis, prefix).ConfigureAwait(false))
        {
            // notify:{platform}:{workspace id}:{user id}; a workspace id has no ':', a user id may.
            var parts = key.ToString()[prefix.Length..].Split(':', 3);
            if (parts.Length == 3 && Enum.TryParse<ChatPlatform>(parts[0], ignoreCase: true, out var platform))
            {
                await db.SetAddAsync(People(new WorkspaceId(platform, parts[1])), parts[2]).ConfigureAwait(false);
            }
        }

        await db.StringSetAsync(Indexed, "1").ConfigureAwait(false);
    }

    private string OfEnterprise(string enterpriseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        return redis.KeyPrefix + "notify-org:" + enterpriseId;
    }

    private string People(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify-people:" + workspace.Key;
    }

    private string Key(WorkspaceId workspace, string userId) => Prefix(workspace) + userId;

    private string Prefix(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify:" + workspace.Key + ":";
    }
}
