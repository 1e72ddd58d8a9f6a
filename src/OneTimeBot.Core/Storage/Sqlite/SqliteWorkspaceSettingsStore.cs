using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteWorkspaceSettingsStore(SqliteDatabase database, TimeProvider time) : IWorkspaceSettingsStore
{
    public async Task<StoredWorkspaceSettings?> FindAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var body = await database.ReadScalarAsync(SqliteStateSchema.Tables,
            "SELECT body FROM bot_workspace_settings WHERE workspace = $workspace",
            [("$workspace", workspace.Key)], cancellationToken).ConfigureAwait(false);
        return StateJson.Read<StoredWorkspaceSettings>(body as string);
    }

    public async Task SaveAsync(WorkspaceId workspace, StoredWorkspaceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await database.ExecuteAsync(SqliteStateSchema.Tables, """
            INSERT INTO bot_workspace_settings (workspace, body, updated) VALUES ($workspace, $body, $updated)
            ON CONFLICT (workspace) DO UPDATE SET body = excluded.body, updated = excluded.updated
            """,
            [("$workspace", workspace.Key), ("$body", StateJson.Write(settings)), ("$updated", time.GetUtcNow().ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }
}
