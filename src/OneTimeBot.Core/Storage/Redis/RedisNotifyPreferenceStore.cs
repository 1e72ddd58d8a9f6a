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

    public async Task SaveAsync(WorkspaceId workspace, string userId, bool notify, string? enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.StringSetAsync(Key(workspace, userId), notify ? "on" : "off").ConfigureAwait(false);
        if (workspace.Platform == ChatPlatform.Slack && enterpriseId is { Length: > 0 })
        {
            // No expiry, as the choice has none: only team ids, read when the org's install is removed.
            await db.SetAddAsync(OfEnterprise(enterpriseId), workspace.Id).ConfigureAwait(false);
        }
    }

    public async Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(Key(workspace, userId)).ConfigureAwait(false);
    }

    /// <summary>Found with SCAN by the workspace-prefixed keys: no index to keep on every <c>notify</c>, for a purge that is rare.</summary>
    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var purged = 0L;
        foreach (var chunk in (await RedisKeyScan.StartingWithAsync(redis, Prefix(workspace)).ConfigureAwait(false)).Chunk(500))
        {
            purged += await db.KeyDeleteAsync(chunk).ConfigureAwait(false);
        }

        return (int)purged;
    }

    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(OfEnterprise(enterpriseId)).ConfigureAwait(false)).Select(team => new WorkspaceId(ChatPlatform.Slack, team.ToString()))];
    }

    private string OfEnterprise(string enterpriseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        return redis.KeyPrefix + "notify-org:" + enterpriseId;
    }

    private string Key(WorkspaceId workspace, string userId) => Prefix(workspace) + userId;

    private string Prefix(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify:" + workspace.Key + ":";
    }
}
