using OneTimeBot.Core.Storage;

namespace OneTimeBot.Slack.Installations;

public sealed class SqliteSlackInstallationStore(SqliteDatabase database) : ISlackInstallationStore
{
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS slack_installations (
            key TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            installed INTEGER NOT NULL);
        """;

    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await database.WriteAsync(async connection =>
        {
            await using var upsert = connection.CreateCommand();
            upsert.CommandText = """
                INSERT INTO slack_installations (key, body, installed) VALUES ($key, $body, $installed)
                ON CONFLICT (key) DO UPDATE SET body = excluded.body, installed = excluded.installed
                """;
            upsert.Parameters.AddWithValue("$key", installation.Key);
            upsert.Parameters.AddWithValue("$body", InstallationJson.Write(installation));
            upsert.Parameters.AddWithValue("$installed", installation.InstalledAt.ToUnixTimeMilliseconds());
            return await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackInstallation?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT body FROM slack_installations WHERE key = $key";
        select.Parameters.AddWithValue("$key", key);
        return InstallationJson.Read(await select.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await database.EnsureSchemaAsync(Ddl, cancellationToken).ConfigureAwait(false);
        return await database.WriteAsync(async connection =>
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = "DELETE FROM slack_installations WHERE key = $key";
            delete.Parameters.AddWithValue("$key", key);
            return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken).ConfigureAwait(false);
    }
}
