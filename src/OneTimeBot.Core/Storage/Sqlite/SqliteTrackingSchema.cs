namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Tracked links and notification preferences. A link's facts are one JSON document; what changes after it is saved
/// (status, the claim on its message, its next poll) has columns of its own, so each change is one conditional UPDATE.
/// <c>created</c> is when this host recorded the link, by its own clock (<see cref="Tracking.TrackedShare.Recorded"/>;
/// a row a version before it wrote holds the backend's time), which orders an owner's links and which a workspace purge
/// compares. <c>claimed</c> is when the claim on the message runs out, in Unix milliseconds (0: free; a claim from before claims
/// ran out is 1, long past). <c>next_poll</c> is also when a settled link's undecided message is offered again.
/// <c>bot_notify_enterprises</c> says which Slack teams of an Enterprise Grid org have notify choices, for as long as they do.
/// The partial indexes hold only what is looked up: links still polled or offered, and links of the embedded service.
/// </summary>
internal static class SqliteTrackingSchema
{
    public static readonly SqliteSchema Tables = new("""
        CREATE TABLE IF NOT EXISTS bot_tracked_shares (
            id TEXT PRIMARY KEY,
            workspace TEXT NOT NULL,
            owner_user TEXT NOT NULL,
            created INTEGER NOT NULL,
            backend_receipt TEXT,
            next_poll INTEGER,
            status TEXT,
            status_changed INTEGER,
            claimed INTEGER NOT NULL DEFAULT 0,
            outcome TEXT,
            keep_until INTEGER NOT NULL,
            body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS bot_tracked_shares_owner ON bot_tracked_shares (workspace, owner_user, created);
        CREATE INDEX IF NOT EXISTS bot_tracked_shares_next_poll ON bot_tracked_shares (next_poll) WHERE next_poll IS NOT NULL;
        CREATE INDEX IF NOT EXISTS bot_tracked_shares_backend_receipt ON bot_tracked_shares (backend_receipt) WHERE backend_receipt IS NOT NULL;
        CREATE INDEX IF NOT EXISTS bot_tracked_shares_keep_until ON bot_tracked_shares (keep_until);
        CREATE TABLE IF NOT EXISTS bot_notify_preferences (
            workspace TEXT NOT NULL,
            user_id TEXT NOT NULL,
            notify INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            PRIMARY KEY (workspace, user_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS bot_notify_enterprises (
            enterprise TEXT NOT NULL,
            team TEXT NOT NULL,
            PRIMARY KEY (enterprise, team)) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS bot_notify_enterprises_team ON bot_notify_enterprises (team);
        """);
}
