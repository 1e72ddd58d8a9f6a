using Microsoft.Data.Sqlite;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Tracked links in the shared SQLite file. Every change is one statement on the one writer, so "first" is decided by
/// the order of commits, also between processes sharing the file.
/// </summary>
public sealed class SqliteTrackedShareStore(SqliteDatabase database) : ITrackedShareStore
{
    private const string Columns = "body, status, status_changed, claimed, outcome, next_poll";

    public Task SaveAsync(TrackedShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        // Kept for the receipt's lifetime from when this host recorded it, as Redis keeps it: Created is the backend's
        // time, and a backend whose clock runs ahead (or that lies) must not keep the row past it.
        return database.ExecuteAsync(SqliteTrackingSchema.Tables, """
            INSERT INTO bot_tracked_shares (id, workspace, owner_user, created, backend_receipt, next_poll, keep_until, body)
            VALUES ($id, $workspace, $owner, $created, $backend_receipt, $next_poll, $keep_until, $body)
            """,
            [
                ("$id", share.Id), ("$workspace", share.Workspace.Key), ("$owner", share.OwnerUserId),
                ("$created", share.Recorded.ToUnixTimeMilliseconds()), ("$backend_receipt", share.BackendReceiptId),
                ("$next_poll", share.NextPollAt?.ToUnixTimeMilliseconds()), ("$keep_until", (share.Recorded + (share.KeepUntil - share.Created)).ToUnixTimeMilliseconds()),
                ("$body", StateJson.Write(share, StateJsonContext.Default.TrackedShare)),
            ],
            cancellationToken);
    }

    public Task<TrackedShare?> FindAsync(string id, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM bot_tracked_shares WHERE id = $id", [("$id", id)], cancellationToken);

    public Task<TrackedShare?> FindByBackendReceiptAsync(string backendReceiptId, CancellationToken cancellationToken) =>
        FindOneAsync($"SELECT {Columns} FROM bot_tracked_shares WHERE backend_receipt = $receipt", [("$receipt", backendReceiptId)], cancellationToken);

    public Task<IReadOnlyList<TrackedShare>> RecentAsync(WorkspaceId workspace, string ownerUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return ReadAsync($"""
            SELECT {Columns} FROM bot_tracked_shares
            WHERE workspace = $workspace AND owner_user = $owner AND keep_until > $now
            ORDER BY created DESC LIMIT {TrackedShare.RecentPerOwner}
            """,
            [("$workspace", workspace.Key), ("$owner", ownerUserId), ("$now", now.ToUnixTimeMilliseconds())],
            cancellationToken);
    }

    public Task<IReadOnlyList<TrackedShare>> LeaseDuePollsAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int count, CancellationToken cancellationToken) =>
        database.WriteAsync<IReadOnlyList<TrackedShare>>(SqliteTrackingSchema.Tables, statements => ReadAll(statements, $"""
            UPDATE bot_tracked_shares SET next_poll = $lease
            WHERE id IN (SELECT id FROM bot_tracked_shares WHERE next_poll <= $now ORDER BY next_poll LIMIT $count)
            RETURNING {Columns}
            """,
            [("$lease", leaseUntil.ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds()), ("$count", count)]),
            cancellationToken);

    public Task ReschedulePollAsync(string id, DateTimeOffset next, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET next_poll = $next WHERE id = $id AND status IS NULL",
            [("$id", id), ("$next", next.ToUnixTimeMilliseconds())], cancellationToken);

    public async Task<bool> SettleAsync(string id, SecretStatus status, DateTimeOffset at, DateTimeOffset offerAt, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(SqliteTrackingSchema.Tables, """
            UPDATE bot_tracked_shares SET status = $status, status_changed = $at, next_poll = CASE WHEN outcome IS NULL THEN $offer END
            WHERE id = $id AND status IS NULL
            """,
            [("$id", id), ("$status", status.ToString()), ("$at", at.ToUnixTimeMilliseconds()), ("$offer", offerAt.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false) == 1;

    public async Task<bool> TryClaimNotificationAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(SqliteTrackingSchema.Tables, """
            UPDATE bot_tracked_shares SET claimed = $until, next_poll = CASE WHEN status IS NULL THEN next_poll ELSE $until END
            WHERE id = $id AND outcome IS NULL AND claimed <= $now
            """,
            [("$id", id), ("$now", now.ToUnixTimeMilliseconds()), ("$until", until.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false) == 1;

    public Task ReleaseNotificationAsync(string id, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET claimed = 0 WHERE id = $id AND outcome IS NULL",
            [("$id", id)], cancellationToken);

    public Task RecordNotificationAsync(string id, NotificationOutcome outcome, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET outcome = $outcome, next_poll = CASE WHEN status IS NULL THEN next_poll END WHERE id = $id",
            [("$id", id), ("$outcome", outcome.ToString())], cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(SqliteTrackingSchema.Tables, "bot_tracked_shares", "keep_until <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);

    // A deleted row is no longer leased, and every later change to it finds no row: its polls and its message stop.
    // 'created' holds when this host recorded the link (TrackedShare.Recorded), never the backend's time.
    public Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.DeleteInStepsAsync(SqliteTrackingSchema.Tables, "bot_tracked_shares", "workspace = $workspace AND created <= $made_up_to",
            [("$workspace", workspace.Key), ("$made_up_to", madeUpTo.ToUnixTimeMilliseconds())], cancellationToken);
    }

    // Read from the stored documents: an org-wide install is removed rarely, so a scan then beats a column on every insert.
    public Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken) =>
        database.ReadAsync(SqliteTrackingSchema.Tables, statements => SqliteEnterpriseWorkspaces.Read(statements, """
            SELECT DISTINCT json_extract(body, '$.workspace.id') FROM bot_tracked_shares
            WHERE workspace LIKE 'slack:%' AND json_extract(body, '$.ownerReach.enterpriseId') = $enterprise
            """, enterpriseId), cancellationToken);

    public Task RetryNotificationAsync(string id, DateTimeOffset next, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET claimed = 0, next_poll = $next WHERE id = $id AND status IS NOT NULL AND outcome IS NULL",
            [("$id", id), ("$next", next.ToUnixTimeMilliseconds())], cancellationToken);

    public Task EndNotificationRetriesAsync(string id, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET next_poll = NULL WHERE id = $id AND status IS NOT NULL",
            [("$id", id)], cancellationToken);

    private async Task<TrackedShare?> FindOneAsync(string sql, IReadOnlyList<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        await ReadAsync(sql, arguments, cancellationToken).ConfigureAwait(false) is [var share, ..] ? share : null;

    private Task<IReadOnlyList<TrackedShare>> ReadAsync(string sql, IReadOnlyList<(string Name, object? Value)> arguments, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<TrackedShare>>(SqliteTrackingSchema.Tables, statements => ReadAll(statements, sql, arguments), cancellationToken);

    private static List<TrackedShare> ReadAll(SqliteStatements statements, string sql, IReadOnlyList<(string Name, object? Value)> arguments)
    {
        var command = statements.Prepare(sql, arguments);
        try
        {
            using var reader = command.ExecuteReader();
            var shares = new List<TrackedShare>();
            while (reader.Read())
            {
                // A row this version cannot read is left out rather than failing every other link read with it.
                if (TryRow(reader) is { } share)
                {
                    shares.Add(share);
                }
            }

            return shares;
        }
        finally
        {
            command.Parameters.Clear();
        }
    }

    private static TrackedShare? TryRow(SqliteDataReader row)
    {
        try
        {
            return Row(row);
        }
        catch (Exception unreadable) when (unreadable is System.Text.Json.JsonException or InvalidDataException or ArgumentException or FormatException or InvalidCastException)
        {
            return null;
        }
    }

    private static TrackedShare Row(SqliteDataReader row)
    {
        var share = StateJson.Read(row.GetString(0), StateJsonContext.Default.TrackedShare) ?? throw new InvalidDataException("A tracked link's row holds no document.");
        return share with
        {
            Status = row.IsDBNull(1) ? SecretStatus.New : Enum.Parse<SecretStatus>(row.GetString(1)),
            StatusChangedAt = row.IsDBNull(2) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(2)),
            NotificationClaimedUntil = row.GetInt64(3) is var claimed and not 0 ? DateTimeOffset.FromUnixTimeMilliseconds(claimed) : null,
            Notification = row.IsDBNull(4) ? null : Enum.Parse<NotificationOutcome>(row.GetString(4)),
            NextPollAt = row.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(5)),
        };
    }

    // In the stored document, as StateJson names it: one statement, no read of the row first.
    public Task SetSentToAsync(string id, Person? sentTo, CancellationToken cancellationToken) =>
        database.ExecuteAsync(SqliteTrackingSchema.Tables,
            "UPDATE bot_tracked_shares SET body = json_set(body, '$.sentTo', json($sent_to)) WHERE id = $id",
            [("$id", id), ("$sent_to", StateJson.Write<Person?>(sentTo, StateJsonContext.Default.Person!))], cancellationToken);
}
