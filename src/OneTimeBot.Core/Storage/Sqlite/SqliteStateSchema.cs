namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>The bot's own tables, beside the secret service's in the same file.</summary>
internal static class SqliteStateSchema
{
    // bot_claims holds the claims filed under their key time (keys starting with '@', SqliteEventDeduplicator.FiledKey),
    // ordered by that key alone: each new one lands among the newest, in one b-tree, where bot_events writes three (the
    // table, its key's index and the expiry index). It needs no expiry index: the oldest keys come first, so a purge
    // finds the expired ones at the front. Versions before it filed them in bot_events; those move over when this
    // version first prepares the file, and after that the range is empty and looking costs one seek.
    // bot_workspace_settings_changes counts the saves of workspace settings, bumped in each save's commit: every process
    // on the file reads that one row (SqliteWorkspaceSettingsChanges) instead of a workspace's settings for every secret.
    // Versions before it do not bump it: a change such a version saves during an upgrade is used here once what was
    // kept expires (CachedWorkspaceSettingsStore.Lifetime).
    public static readonly SqliteSchema Tables = new("""
        CREATE TABLE IF NOT EXISTS bot_workspace_settings (
            workspace TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            updated INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_workspace_settings_changes (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS bot_receipts (
            id TEXT PRIMARY KEY,
            body TEXT NOT NULL,
            keep_until INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_receipts_keep_until ON bot_receipts (keep_until);
        CREATE TABLE IF NOT EXISTS bot_events (
            event_key TEXT PRIMARY KEY,
            expires INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_events_expires ON bot_events (expires);
        CREATE TABLE IF NOT EXISTS bot_claims (
            event_key TEXT PRIMARY KEY,
            expires INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS bot_data_protection_keys (
            name TEXT PRIMARY KEY,
            xml TEXT NOT NULL,
            created INTEGER NOT NULL);
        INSERT OR IGNORE INTO bot_claims (event_key, expires)
            SELECT event_key, expires FROM bot_events WHERE event_key >= '@' AND event_key < 'A';
        DELETE FROM bot_events WHERE event_key >= '@' AND event_key < 'A';
        """);
}
