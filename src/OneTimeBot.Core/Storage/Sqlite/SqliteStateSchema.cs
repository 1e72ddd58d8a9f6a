namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>The bot's own tables, beside the secret service's in the same file.</summary>
internal static class SqliteStateSchema
{
    public static readonly SqliteSchema Tables = new("""
        CREATE TABLE IF NOT EXISTS bot_workspace_settings (
            workspace TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_receipts (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            keep_until INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_receipts_keep_until ON bot_receipts (keep_until);
        CREATE TABLE IF NOT EXISTS bot_events (
            event_key TEXT PRIMARY KEY,
            expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_events_expires ON bot_events (expires);
        CREATE TABLE IF NOT EXISTS bot_data_protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created INTEGER NOT NULL);
        """);
}
