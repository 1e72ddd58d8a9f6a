using System.Collections.Concurrent;
using System.Globalization;
using OneTimeBot.Core.Events;

namespace OneTimeBot.Core.Storage.Sqlite;

/// <summary>
/// Claims in <c>bot_events</c>, and those filed under a key time in <c>bot_claims</c>. A claim made to ride with the
/// caller's next write is held in memory until it is committed, so a repeat in this process is refused at once, before
/// the caller does any of the work the claim guards; after the commit the table refuses it. A claim with a key time is
/// filed under that time (<see cref="FiledKey"/>): keys such as a request's signature are random, and each one filed as
/// it is would rewrite a random page of the index, where filed under the time it lands among the newest.
/// </summary>
public sealed class SqliteEventDeduplicator(SqliteDatabase database, TimeProvider time) : IEventDeduplicator
{
    // Versions before filing under the key time stored every key as it is; a repeat of an event such a version claimed
    // is looked for under that key too, as long as one of them may still be in its window (LegacyKeysMayHoldAsync).
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly ConcurrentDictionary<string, Task<bool>> _legacyKinds = new(StringComparer.Ordinal);

    // A key whose window has passed may be claimed again.
    private const string Claim = """
        INSERT INTO bot_events (event_key, expires) VALUES ($key, $expires)
        ON CONFLICT (event_key) DO UPDATE SET expires = excluded.expires WHERE bot_events.expires <= $now
        """;

    private const string ClaimFiled = """
        INSERT INTO bot_claims (event_key, expires) VALUES ($key, $expires)
        ON CONFLICT (event_key) DO UPDATE SET expires = excluded.expires WHERE bot_claims.expires <= $now
        """;

    private const string Claimed = "SELECT 1 FROM bot_events WHERE event_key = $key AND expires > $now";

    private const string ClaimedFiled = "SELECT 1 FROM bot_claims WHERE event_key = $key AND expires > $now";

    // bot_claims has no expiry index: its keys are in the order the requests were signed, so its expired rows are the
    // oldest. A step looks at the oldest few alone and deletes the expired among them; looking further for expired rows
    // would read the whole table whenever none is left. A claim with a longer window than those after it holds the purge
    // up until it expires too.
    private static readonly string PurgeFiled = string.Create(CultureInfo.InvariantCulture, $"""
        DELETE FROM bot_claims WHERE event_key IN (SELECT event_key FROM bot_claims ORDER BY event_key LIMIT {SqliteDatabase.PurgeBatch}) AND expires <= $now
        """);

    // Versions before bot_claims filed keys in bot_events; one still running on the same file during an upgrade goes on
    // doing so. Whether bot_events holds any such key is looked up at most once a second, and only when it does is a key
    // looked for there too. (The older version does not look in bot_claims: both should not serve one file for long.)
    private static readonly TimeSpan OlderFilingChecked = TimeSpan.FromSeconds(1);
    private OlderFiling? _olderFiling;

    // Claims made in this process and not yet committed; removed only after the commit, so that a key is always
    // either here or readable in the table.
    private readonly ConcurrentDictionary<string, byte> _uncommitted = new(StringComparer.Ordinal);

    public async Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken)
    {
        if (_uncommitted.ContainsKey(eventKey))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var claimed = await database.ExecuteAsync(SqliteStateSchema.Tables, IsFiled(eventKey) ? ClaimFiled : Claim,
            [("$key", eventKey), ("$expires", (now + window).ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds())],
            cancellationToken).ConfigureAwait(false);
        return claimed == 1;
    }

    public async Task<PendingClaim?> ClaimWithNextWriteAsync(string eventKey, TimeSpan window, DateTimeOffset? keyTime, CancellationToken cancellationToken)
    {
        var filed = keyTime is { } at ? FiledKey(eventKey, at) : eventKey;
        if (!_uncommitted.TryAdd(filed, 0))
        {
            return null;
        }

        DeferredWrite<bool> write;
        try
        {
            // After the key went in above: whatever claim this one raced with is either still held there or committed.
            if (await WasClaimedAsync(filed, cancellationToken).ConfigureAwait(false) ||
                (keyTime is not null && await FiledByAnOlderVersionAsync(filed, cancellationToken).ConfigureAwait(false)) ||
                (keyTime is not null && await LegacyKeysMayHoldAsync(eventKey, window).ConfigureAwait(false) &&
                 await WasClaimedAsync(eventKey, cancellationToken).ConfigureAwait(false)))
            {
                _uncommitted.TryRemove(filed, out _);
                return null;
            }

            var now = time.GetUtcNow();
            // Forgotten on the writer's thread once committed or failed (either way it no longer waits), before anyone
            // awaiting it goes on: no thread-pool item just to remove one entry.
            write = await database.WriteWithNextAsync(SqliteStateSchema.Tables, statements => statements.Execute(IsFiled(filed) ? ClaimFiled : Claim,
                [("$key", filed), ("$expires", (now + window).ToUnixTimeMilliseconds()), ("$now", now.ToUnixTimeMilliseconds())]) == 1,
                cancellationToken, settled: () => _uncommitted.TryRemove(filed, out _)).ConfigureAwait(false);
        }
        catch
        {
            _uncommitted.TryRemove(filed, out _);
            throw;
        }

        return new PendingClaim(write.CommittedAsync);
    }

    /// <summary>
    /// The key as stored for a claim with a key time: <c>@</c>, the time in Unix seconds (ten digits), a colon, then
    /// the key. Keys filed so sort by their time, apart from keys stored as they are, none of which starts with <c>@</c>.
    /// </summary>
    public static string FiledKey(string eventKey, DateTimeOffset keyTime) =>
        string.Create(CultureInfo.InvariantCulture, $"@{Math.Clamp(keyTime.ToUnixTimeSeconds(), 0, 9_999_999_999):D10}:{eventKey}");

    /// <summary>
    /// Whether a version before this one may have claimed keys of <paramref name="eventKey"/>'s kind (what precedes its
    /// first colon) that are still in their window: only while this process is younger than one window, and only when
    /// the table holds such a key at all, which is looked up once per kind.
    /// </summary>
    private Task<bool> LegacyKeysMayHoldAsync(string eventKey, TimeSpan window)
    {
        if (time.GetUtcNow() >= _started + window)
        {
            return Task.FromResult(false);
        }

        var kind = eventKey[..(eventKey.IndexOf(':', StringComparison.Ordinal) + 1)];
        return _legacyKinds.GetOrAdd(kind, k => database.ReadAsync(SqliteStateSchema.Tables, statements =>
            statements.Prepare("SELECT 1 FROM bot_events WHERE event_key >= $from AND event_key < $to LIMIT 1",
                [("$from", k), ("$to", k + "\uffff")]).ExecuteScalar() is not null, CancellationToken.None));
    }

    public Task<bool> WasClaimedAsync(string eventKey, CancellationToken cancellationToken) =>
        ClaimedInAsync(IsFiled(eventKey) ? ClaimedFiled : Claimed, eventKey, cancellationToken);

    private Task<bool> ClaimedInAsync(string sql, string eventKey, CancellationToken cancellationToken) =>
        database.ReadAsync(SqliteStateSchema.Tables, statements =>
        {
            var command = statements.Prepare(sql, [("$key", eventKey), ("$now", time.GetUtcNow().ToUnixTimeMilliseconds())]);
            return command.ExecuteScalar() is not null;
        }, cancellationToken);

    private async Task<bool> FiledByAnOlderVersionAsync(string filed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var probe = Volatile.Read(ref _olderFiling);
        if (probe is null || now >= probe.Until)
        {
            probe = new OlderFiling(now + OlderFilingChecked, database.ReadAsync(SqliteStateSchema.Tables, statements =>
                statements.Prepare("SELECT 1 FROM bot_events WHERE event_key >= '@' AND event_key < 'A' LIMIT 1", []).ExecuteScalar() is not null,
                CancellationToken.None));
            Volatile.Write(ref _olderFiling, probe);
        }

        return await probe.Holds.ConfigureAwait(false) && await ClaimedInAsync(Claimed, filed, cancellationToken).ConfigureAwait(false);
    }

    private sealed record OlderFiling(DateTimeOffset Until, Task<bool> Holds);

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        await database.DeleteInStepsAsync(SqliteStateSchema.Tables, "bot_events", "expires <= $now", [("$now", now.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false)
        + await database.UpdateInStepsAsync(SqliteStateSchema.Tables, PurgeFiled, [("$now", now.ToUnixTimeMilliseconds())], cancellationToken).ConfigureAwait(false);

    // Filed keys start with '@'; no key stored as it is does (FiledKey).
    private static bool IsFiled(string key) => key.StartsWith('@');
}
