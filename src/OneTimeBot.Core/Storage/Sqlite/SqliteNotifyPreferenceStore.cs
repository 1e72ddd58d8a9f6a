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

    public async Task SaveAsync(WorkspaceId workspace, string userId, bool notify, string? enterpriseId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        await database.ExecuteAsync(SqliteTrackingSchema.Tables, """
            INSERT INTO bot_notify_preferences (workspace, user_id, notify, updated) VALUES ($workspace, $user, $notify, $updated)
            ON CONFLICT (workspace, user_id) DO UPDATE SET notify = excluded.notify, updated = excluded.updated
            """,
            [("$workspace", workspace.Key), ("$user", userId), ("$notify", notify ? 1 : 0), ("$updated", time.GetUtcNow().ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        if (workspace.Platform == ChatPlatform.Slack && enterpriseId is { Length: > 0 })
        {
            await database.ExecuteAsync(SqliteTrackingSchema.Tables,
                "INSERT INTO bot_notify_enterprises (enterprise, team) VALUES ($enterprise, $team) ON CONFLICT DO NOTHING",
                [("$enterprise", enterpriseId), ("$team", workspace.Id)], cancellationToken).ConfigureAwait(false);
        }
    }

    public Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "DELETE FROM bot_notify_preferences WHERE workspace = $workspace AND user_id = $user",
            [("$workspace", workspace.Key), ("$user", userId)], cancellationToken);
    }

    // A workspace has a row per person who ever chose, and the primary key starts with the workspace. The team stays in
    // its org's list while a choice made since the removal is kept.
    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var purged = await database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "DELETE FROM bot_notify_preferences WHERE workspace = $workspace AND updated <= $made_up_to",
            [("$workspace", workspace.Key), ("$made_up_to", madeUpTo.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false);
        if (workspace.Platform == ChatPlatform.Slack)
        {
            await database.ExecuteAsync(SqliteTrackingSchema.Tables, """
                DELETE FROM bot_notify_enterprises
                WHERE team = $team AND NOT EXISTS (SELECT 1 FROM bot_notify_preferences WHERE workspace = $workspace)
                """,
                [("$team", workspace.Id), ("$workspace", workspace.Key)], cancellationToken).ConfigureAwait(false);
        }

        return purged;
    }

    public Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken) =>
        database.ReadAsync(SqliteTrackingSchema.Tables, statements => SqliteEnterpriseWorkspaces.Read(statements,
            "SELECT team FROM bot_notify_enterprises WHERE enterprise = $enterprise", enterpriseId), cancellationToken);
}
