using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Redis;

public sealed class RedisWorkspaceSettingsStore(RedisConnection redis) : IWorkspaceSettingsStore
{
    public async Task<StoredWorkspaceSettings?> FindAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return StateJson.Read<StoredWorkspaceSettings>(await db.StringGetAsync(Key(workspace)).ConfigureAwait(false));
    }

    public async Task SaveAsync(WorkspaceId workspace, StoredWorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.StringSetAsync(Key(workspace), StateJson.Write(settings)).ConfigureAwait(false);
    }

    private string Key(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "workspace:" + workspace.Key;
    }
}
