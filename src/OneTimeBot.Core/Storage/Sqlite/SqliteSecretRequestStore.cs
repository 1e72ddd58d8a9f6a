using OneTimeBot.Core.Requests;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Requests in the shared SQLite file. The state has a column of its own, so that closing a request is one
/// conditional <c>UPDATE</c> on the one writer: whichever close commits first finds the row open, every later one finds
/// it closed and changes nothing.
/// </summary>
public sealed class SqliteSecretRequestStore(SqliteDatabase database) : ISecretRequestStore
{
    public static readonly SqliteSchema Schema = new("""
        CREATE TABLE IF NOT EXISTS bot_secret_requests (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            state TEXT NOT NULL,
            expires INTEGER NOT NULL,
            keep_until INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_secret_requests_keep_until ON bot_secret_requests (keep_until);
        """);

    public async Task SaveAsync(StoredSecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await database.ExecuteAsync(Schema,
            "INSERT INTO bot_secret_requests (id, body, state, expires, keep_until) VALUES ($id, $body, $state, $expires, $keep_until)",
            [
                ("$id", request.Id), ("$body", StateJson.Write(request)), ("$state", request.State.ToString()),
                ("$expires", request.ExpiresAt.ToUnixTimeMilliseconds()), ("$keep_until", request.KeepUntil.ToUnixTimeMilliseconds()),
            ],
            cancellationToken).ConfigureAwait(false);
    }

    public Task<StoredSecretRequest?> FindAsync(string requestId, CancellationToken cancellationToken) =>
        database.ReadAsync(Schema, statements =>
        {
            var command = statements.Prepare("SELECT body, state FROM bot_secret_requests WHERE id = $id", [("$id", requestId)]);
            try
            {
                using var row = command.ExecuteReader();
                return row.Read() && StateJson.Read<StoredSecretRequest>(row.GetString(0)) is { } request
                    ? request with { State = Enum.Parse<RequestState>(row.GetString(1)) }
                    : null;
            }
            finally
            {
                command.Parameters.Clear();
            }
        }, cancellationToken);

    public async Task<bool> TryCloseAsync(string requestId, RequestState to, DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(Schema,
            "UPDATE bot_secret_requests SET state = $to WHERE id = $id AND state = $open AND expires > $now",
            [("$id", requestId), ("$to", to.ToString()), ("$open", nameof(RequestState.Open)), ("$now", now.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false) == 1;

    public Task DeleteAsync(string requestId, CancellationToken cancellationToken) =>
        database.ExecuteAsync(Schema, "DELETE FROM bot_secret_requests WHERE id = $id", [("$id", requestId)], cancellationToken);

    // Read from the stored record rather than a column of its own: an app is removed rarely, and the table holds only
    // requests still within twice their time, so a scan then costs less than a new column and index on every insert.
    // 'created' is an ISO 8601 time with its offset, which SQLite reads to the nearest millisecond: one made in the
    // removal's millisecond may read as the next, and counts as made before it, as elsewhere. One SQLite cannot read
    // counts as made before any removal.
    public Task<int> PurgeWorkspaceAsync(Workspaces.WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return database.DeleteInStepsAsync(Schema, "bot_secret_requests", """
            json_extract(body, '$.workspace.key') = $workspace
            AND ifnull(round((julianday(json_extract(body, '$.created')) - 2440587.5) * 86400000.0), 0) <= $made_up_to + 1
            """,
            [("$workspace", workspace.Key), ("$made_up_to", madeUpTo.ToUnixTimeMilliseconds())], cancellationToken);
    }

    public Task<IReadOnlyList<Workspaces.WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken) =>
        database.ReadAsync(Schema, statements => SqliteEnterpriseWorkspaces.Read(statements, """
            SELECT DISTINCT json_extract(body, '$.workspace.id') FROM bot_secret_requests
            WHERE json_extract(body, '$.workspace.platform') = 'Slack' AND json_extract(body, '$.requesterReach.enterpriseId') = $enterprise
            """, enterpriseId), cancellationToken);

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        database.DeleteInStepsAsync(Schema, "bot_secret_requests", "keep_until <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken);
}
