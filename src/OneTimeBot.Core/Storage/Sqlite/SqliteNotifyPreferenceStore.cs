using System.Globalization;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

public sealed class SqliteNotifyPreferenceStore(SqliteDatabase database, TimeProvider time) : INotifyPreferenceStore
{
    public async Task<bool?> FindAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var notify = await database.ReadScalarAsync(SqliteTrackingSchema.Tables,
            "SELECT notify FROM bot_notify_preferences WHERE workspace = $workspace AND user_id = $user",
            [("$workspace", workspace.Key), ("$user", userId)], cancellationToken).ConfigureAwait(false);
        return notify is null or DBNull ? null : Convert.ToInt64(notify, CultureInfo.InvariantCulture) != 0;
    }

    public Task SaveAsync(WorkspaceId workspace, string userId, bool notify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.ExecuteAsync(SqliteTrackingSchema.Tables, """
            INSERT INTO bot_notify_preferences (workspace, user_id, notify, updated) VALUES ($workspace, $user, $notify, $updated)
            ON CONFLICT (workspace, user_id) DO UPDATE SET notify = excluded.notify, updated = excluded.updated
            """,
            [("$workspace", workspace.Key), ("$user", userId), ("$notify", notify ? 1 : 0), ("$updated", time.GetUtcNow().ToUnixTimeMilliseconds())],
            cancellationToken);
    }

    public Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "DELETE FROM bot_notify_preferences WHERE workspace = $workspace AND user_id = $user",
            [("$workspace", workspace.Key), ("$user", userId)], cancellationToken);
    }

    // One statement: a workspace has a row per person who ever chose, and the primary key starts with the workspace.
    public Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "DELETE FROM bot_notify_preferences WHERE workspace = $workspace", [("$workspace", workspace.Key)], cancellationToken);
    }
}
