namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>A row per purge an app removal still owes, in the shared file.</summary>
public sealed class SqlitePendingPurgeStore(SqliteDatabase database, TimeProvider time) : IPendingPurgeStore
{
    private static readonly SqliteSchema Schema = new("""
        CREATE TABLE IF NOT EXISTS bot_pending_purges (
            target TEXT PRIMARY KEY,
            noted INTEGER NOT NULL) WITHOUT ROWID;
        """);

    public Task AddAsync(PurgeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return database.ExecuteAsync(Schema, "INSERT INTO bot_pending_purges (target, noted) VALUES ($target, $noted) ON CONFLICT (target) DO NOTHING",
            [("$target", target.Key), ("$noted", time.GetUtcNow().ToUnixTimeMilliseconds())], cancellationToken);
    }

    public Task<IReadOnlyList<PurgeTarget>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<PurgeTarget>>(Schema, statements =>
        {
            var command = statements.Prepare("SELECT target FROM bot_pending_purges ORDER BY noted", []);
            using var reader = command.ExecuteReader();
            var targets = new List<PurgeTarget>();
            while (reader.Read())
            {
                if (PurgeTarget.FromKey(reader.GetString(0)) is { } target)
                {
                    targets.Add(target);
                }
            }

            return targets;
        }, cancellationToken);

    public Task RemoveAsync(PurgeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        return database.ExecuteAsync(Schema, "DELETE FROM bot_pending_purges WHERE target = $target", [("$target", target.Key)], cancellationToken);
    }
}
