using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteWorkspaceSettingsStore(SqliteDatabase database, TimeProvider time) : IWorkspaceSettingsStore
{
    public async Task<StoredWorkspaceSettings?> FindAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM bot_workspace_settings WHERE workspace = $workspace";
        select.Parameters.AddWithValue("$workspace", workspace.Key);
        return StateJson.Read<StoredWorkspaceSettings>(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string);
    }

    public async Task SaveAsync(WorkspaceId workspace, StoredWorkspaceSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await database.EnsureSchemaAsync(SqliteStateSchema.Ddl, cancellationToken).ConfigureAwait(false);
        await database.WriteAsync(async connection =>
        {
            await using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO bot_workspace_settings (workspace, body, updated) VALUES ($workspace, $body, $updated)
                ON CONFLICT (workspace) DO UPDATE SET body = excluded.body, updated = excluded.updated
                """;
            upsert.Parameters.AddWithValue("$workspace", workspace.Key);
            upsert.Parameters.AddWithValue("$body", StateJson.Write(settings));
            upsert.Parameters.AddWithValue("$updated", time.GetUtcNow().ToUnixTimeMilliseconds());
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }
}
