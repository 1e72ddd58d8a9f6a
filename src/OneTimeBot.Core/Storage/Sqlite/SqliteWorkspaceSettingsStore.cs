using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteWorkspaceSettingsStore(SqliteDatabase database, SqliteWorkspaceSettingsChanges changes, TimeProvider time) : IWorkspaceSettingsStore
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
        var body = StateJson.Write(settings);
        var updated = time.GetUtcNow().ToUnixTimeMilliseconds();
        // One commit for the row and the count of changes, so no process can see one without the other.
        var generation = await database.WriteAsync(SqliteStateSchema.Tables, statements =>
        {
            statements.Execute(Save, [("$workspace", workspace.Key), ("$body", body), ("$updated", updated)]);
            return (long)statements.Scalar(Counted, [])!;
        }, cancellationToken).ConfigureAwait(false);
        changes.Saved(generation);
    }

    private const string Save = """
        INSERT INTO bot_workspace_settings (workspace, body, updated) VALUES ($workspace, $body, $updated)
        ON CONFLICT (workspace) DO UPDATE SET body = excluded.body, updated = excluded.updated
        """;

    private const string Counted = """
        INSERT INTO bot_workspace_settings_changes (id, generation) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET generation = generation + 1
        RETURNING generation
        """;
}
