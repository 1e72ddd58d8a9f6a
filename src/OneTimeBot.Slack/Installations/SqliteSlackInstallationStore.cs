using OneTimeBot.Core.Storage;

namespace OneTimeBot.Slack.Installations;

public sealed class SqliteSlackInstallationStore(SqliteDatabase database) : ISlackInstallationStore
{
    private static readonly SqliteSchema Schema = new("""
        CREATE TABLE IF NOT EXISTS slack_installations (
            key TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            installed INTEGER NOT NULL);
        """);

    public async Task SaveAsync(SlackInstallation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        await database.ExecuteAsync(Schema, """
            INSERT INTO slack_installations (key, body, installed) VALUES ($key, $body, $installed)
            ON CONFLICT (key) DO UPDATE SET body = excluded.body, installed = excluded.installed
            """,
            [("$key", installation.Key), ("$body", StateJson.Write(installation)), ("$installed", installation.InstalledAt.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
    }

    public async Task<SlackInstallation?> FindAsync(string key, CancellationToken cancellationToken)
    {
        var body = await database.ReadScalarAsync(Schema,
            "SELECT body FROM slack_installations WHERE key = $key", [("$key", key)], cancellationToken).ConfigureAwait(false);
        return StateJson.Read<SlackInstallation>(body as string);
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(Schema,
            "DELETE FROM slack_installations WHERE key = $key", [("$key", key)], cancellationToken).ConfigureAwait(false) == 1;
}
