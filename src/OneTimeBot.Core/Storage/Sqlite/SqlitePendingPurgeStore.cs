namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// A row per purge an app removal still owes, in the shared file. <c>removed</c> is the moment of the latest removal
/// noted, in Unix milliseconds; a row an earlier version wrote has none (NULL), and purges everything made until it runs.
/// </summary>
public sealed class SqlitePendingPurgeStore(SqliteDatabase database) : IPendingPurgeStore
{
    // The probe counts the columns of a table that exists without 'removed': none on a new file, none once migrated.
    private static readonly SqliteSchema Schema = new("""
        CREATE TABLE IF NOT EXISTS bot_pending_purges (
            target TEXT PRIMARY KEY,
            noted INTEGER NOT NULL,
            removed INTEGER) WITHOUT ROWID;
        """,
        new SqliteMigration(
            "SELECT COUNT(*) FROM pragma_table_info('bot_pending_purges') WHERE NOT EXISTS (SELECT 1 FROM pragma_table_info('bot_pending_purges') WHERE name = 'removed')",
            "ALTER TABLE bot_pending_purges ADD COLUMN removed INTEGER"));

    // A row without a moment gets this one: it owes everything up to a removal before now, which this covers.
    public Task AddAsync(PurgeTarget target, DateTimeOffset removedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return database.ExecuteAsync(Schema, """
            INSERT INTO bot_pending_purges (target, noted, removed) VALUES ($target, $removed, $removed)
            ON CONFLICT (target) DO UPDATE SET removed = max(coalesce(removed, excluded.removed), excluded.removed)
            """,
            [("$target", target.Key), ("$removed", removedAt.ToUnixTimeMilliseconds())], cancellationToken);
    }

    public Task<IReadOnlyList<OwedPurge>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<OwedPurge>>(Schema, statements =>
        {
            var command = statements.Prepare("SELECT target, removed FROM bot_pending_purges ORDER BY noted", []);
            using var reader = command.ExecuteReader();
            var owed = new List<OwedPurge>();
            while (reader.Read())
            {
                if (PurgeTarget.FromKey(reader.GetString(0)) is { } target)
                {
                    owed.Add(new OwedPurge(target, reader.IsDBNull(1) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))));
                }
            }

            return owed;
        }, cancellationToken);

    public Task RemoveAsync(PurgeTarget target, DateTimeOffset doneUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return database.ExecuteAsync(Schema, "DELETE FROM bot_pending_purges WHERE target = $target AND (removed IS NULL OR removed <= $done)",
            [("$target", target.Key), ("$done", doneUpTo.ToUnixTimeMilliseconds())], cancellationToken);
    }
}
