using System.Globalization;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// Tracked links on Redis: each a hash (its document, then its status, the claim on its message as when it runs out, and
/// what came of it), with a native TTL that ends with its receipt; the owner's newest links in a sorted set kept to
/// <see cref="TrackedShare.RecentPerOwner"/> and scored by when this host recorded each (<see cref="TrackedShare.Recorded"/>,
/// never the backend's time); every link still polled, or settled with its message undecided, in one
/// sorted set scored by when it is next due; for a link of the embedded service, its receipt id pointing to it; and the
/// workspace's links in a sorted set scored by when each is kept until, which purges the workspace when the app is
/// removed (for a workspace of an Enterprise Grid org, also its team id in the org's set, which finds it when an
/// org-wide install is removed). Each change is one script, so it is atomic and "first" is decided by Redis. Index
/// entries of links that expired are dropped when next met.
/// </summary>
public sealed class RedisTrackedShareStore(RedisConnection redis) : ITrackedShareStore
{
    private const string Save = """
        redis.call('HSET', KEYS[1], 'body', ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -(tonumber(ARGV[6]) + 1))
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[2], ARGV[3]) end
        if ARGV[5] ~= '' then redis.call('ZADD', KEYS[3], ARGV[5], ARGV[1]) end
        redis.call('ZADD', KEYS[4], ARGV[7], ARGV[1])
        redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', ARGV[4])
        if redis.call('PTTL', KEYS[4]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[4], ARGV[3]) end
        if ARGV[8] ~= '' then
            redis.call('SADD', KEYS[5], ARGV[8])
            if redis.call('PTTL', KEYS[5]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[5], ARGV[3]) end
        end
        if KEYS[6] then redis.call('SET', KEYS[6], ARGV[1], 'PX', ARGV[3]) end
        """;

    private const string Lease = """
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
        for _, id in ipairs(due) do redis.call('ZADD', KEYS[1], ARGV[2], id) end
        return due
        """;

    private const string Reschedule = """
        if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HEXISTS', KEYS[1], 'status') == 0 then
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        end
        """;

    private const string Settle = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HSETNX', KEYS[1], 'status', ARGV[2]) == 0 then return 0 end
        redis.call('HSET', KEYS[1], 'changed', ARGV[3])
        if redis.call('HEXISTS', KEYS[1], 'outcome') == 0 then
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
        else
            redis.call('ZREM', KEYS[2], ARGV[1])
        end
        return 1
        """;

    // 'claimed' holds when the claim runs out (a claim from before claims ran out holds 1, long past).
    private const string Claim = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'outcome') == 1 then return 0 end
        if tonumber(redis.call('HGET', KEYS[1], 'claimed') or '0') > tonumber(ARGV[2]) then return 0 end
        redis.call('HSET', KEYS[1], 'claimed', ARGV[3])
        if redis.call('HEXISTS', KEYS[1], 'status') == 1 then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1]) end
        return 1
        """;

    private const string Release = """
        if redis.call('HEXISTS', KEYS[1], 'outcome') == 0 then redis.call('HDEL', KEYS[1], 'claimed') end
        """;

    private const string Record = """
        if redis.call('EXISTS', KEYS[1]) == 0 then return end
        redis.call('HSET', KEYS[1], 'outcome', ARGV[2])
        if redis.call('HEXISTS', KEYS[1], 'status') == 1 then redis.call('ZREM', KEYS[2], ARGV[1]) end
        """;

    private const string RetryNotification = """
        if redis.call('HEXISTS', KEYS[1], 'status') == 1 and redis.call('HEXISTS', KEYS[1], 'outcome') == 0 then
            redis.call('HDEL', KEYS[1], 'claimed')
            redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
        end
        """;

    private const string EndNotificationRetries = """
        if redis.call('HEXISTS', KEYS[1], 'status') == 1 then redis.call('ZREM', KEYS[2], ARGV[1]) end
        """;

    private RedisKey Polls => redis.KeyPrefix + "tracked-polls";

    public async Task SaveAsync(TrackedShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var lifetime = share.KeepUntil - share.Created;
        var enterprise = share.Workspace.Platform == ChatPlatform.Slack ? share.OwnerReach?.EnterpriseId : null;
        RedisKey[] keys = share.BackendReceiptId is { } receipt
            ? [Share(share.Id), Owner(share.Workspace, share.OwnerUserId), Polls, InWorkspace(share.Workspace), OfEnterprise(enterprise ?? ""), Receipt(receipt)]
            : [Share(share.Id), Owner(share.Workspace, share.OwnerUserId), Polls, InWorkspace(share.Workspace), OfEnterprise(enterprise ?? "")];
        // The document as the UTF-8 a string would be sent as, without making the string first.
        await db.ScriptEvaluateAsync(Save, keys,
        [
            share.Id, StateJson.WriteUtf8(share, StateJsonContext.Default.TrackedShare), (long)Math.Max(1000, lifetime.TotalMilliseconds), share.Recorded.ToUnixTimeMilliseconds(),
            share.NextPollAt is { } next ? next.ToUnixTimeMilliseconds() : "", TrackedShare.RecentPerOwner, share.KeepUntil.ToUnixTimeMilliseconds(),
            enterprise is null ? "" : share.Workspace.Id,
        ]).ConfigureAwait(false);
    }

    public async Task<TrackedShare?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await ReadAsync(db, id).ConfigureAwait(false);
    }

    public async Task<TrackedShare?> FindByBackendReceiptAsync(string backendReceiptId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return await db.StringGetAsync(Receipt(backendReceiptId)).ConfigureAwait(false) is { HasValue: true } id
            ? await ReadAsync(db, id.ToString()).ConfigureAwait(false)
            : null;
    }

    public async Task<IReadOnlyList<TrackedShare>> RecentAsync(WorkspaceId workspace, string ownerUserId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var owner = Owner(workspace, ownerUserId);
        var ids = await db.SortedSetRangeByRankAsync(owner, 0, TrackedShare.RecentPerOwner - 1, Order.Descending).ConfigureAwait(false);
        var shares = await Task.WhenAll(ids.Select(id => ReadAsync(db, id.ToString()))).ConfigureAwait(false);
        var gone = ids.Where((_, i) => shares[i] is null).ToArray();
        if (gone.Length > 0)
        {
            await db.SortedSetRemoveAsync(owner, gone).ConfigureAwait(false);
        }

        return [.. shares.OfType<TrackedShare>().Where(s => s.KeepUntil > now)];
    }

    public async Task<IReadOnlyList<TrackedShare>> LeaseDuePollsAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int count, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var leased = (RedisValue[])(await db.ScriptEvaluateAsync(Lease, [Polls], [now.ToUnixTimeMilliseconds(), leaseUntil.ToUnixTimeMilliseconds(), count]).ConfigureAwait(false))!;
        var shares = await Task.WhenAll(leased.Select(id => ReadAsync(db, id.ToString()))).ConfigureAwait(false);
        var gone = leased.Where((_, i) => shares[i] is null).ToArray();
        if (gone.Length > 0)
        {
            await db.SortedSetRemoveAsync(Polls, gone).ConfigureAwait(false);
        }

        return [.. shares.OfType<TrackedShare>()];
    }

    public async Task ReschedulePollAsync(string id, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Reschedule, [Share(id), Polls], [id, next.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }

    public async Task<bool> SettleAsync(string id, SecretStatus status, DateTimeOffset at, DateTimeOffset offerAt, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (long)await db.ScriptEvaluateAsync(Settle, [Share(id), Polls], [id, status.ToString(), at.ToUnixTimeMilliseconds(), offerAt.ToUnixTimeMilliseconds()]).ConfigureAwait(false) == 1;
    }

    public async Task<bool> TryClaimNotificationAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (long)await db.ScriptEvaluateAsync(Claim, [Share(id), Polls], [id, now.ToUnixTimeMilliseconds(), until.ToUnixTimeMilliseconds()]).ConfigureAwait(false) == 1;
    }

    public async Task ReleaseNotificationAsync(string id, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Release, [Share(id)]).ConfigureAwait(false);
    }

    public async Task RecordNotificationAsync(string id, NotificationOutcome outcome, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(Record, [Share(id), Polls], [id, outcome.ToString()]).ConfigureAwait(false);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(OfEnterprise(enterpriseId)).ConfigureAwait(false)).Select(team => new WorkspaceId(ChatPlatform.Slack, team.ToString()))];
    }

    /// <summary>
    /// The links of the workspace's index, each read first so only the workspace's own recorded up to
    /// <paramref name="madeUpTo"/> (by this host's clock: <see cref="TrackedShare.Recorded"/>) are deleted, with their
    /// places in their owners' lists; no walk of the keyspace. Links made later, and their index entries, stay. Links
    /// saved before the index existed are put in it once, by one SCAN of the owners' lists, at the first purge after an
    /// upgrade. Not one atomic step, and it needs none: every later change to a link checks that its hash exists, so a poll
    /// or a message under way for a purged link does nothing, and a lease of it finds no hash and drops it. Each chunk
    /// leaves the owners' lists first and the workspace's index last, so a host that stops half way leaves every link it
    /// did not finish in the index, where a retry finds it again.
    /// </summary>
    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await IndexEarlierLinksOnceAsync(db).ConfigureAwait(false);
        var index = InWorkspace(workspace);
        var ids = (await db.SortedSetRangeByRankAsync(index).ConfigureAwait(false)).Select(id => id.ToString()).Distinct(StringComparer.Ordinal);
        var purged = 0;
        foreach (var chunk in ids.Chunk(100))
        {
            var shares = await Task.WhenAll(chunk.Select(id => ReadAsync(db, id))).ConfigureAwait(false);
            // In whole milliseconds, as the moment is kept: one made in the removal's millisecond counts as made before it.
            var own = shares.OfType<TrackedShare>().Where(s => s.Workspace == workspace && s.Recorded.ToUnixTimeMilliseconds() <= madeUpTo.ToUnixTimeMilliseconds()).ToList();
            var gone = chunk.Where((_, i) => shares[i] is null);
            foreach (var owner in own.GroupBy(s => Owner(s.Workspace, s.OwnerUserId)))
            {
                await db.SortedSetRemoveAsync(owner.Key, [.. owner.Select(s => (RedisValue)s.Id)]).ConfigureAwait(false);
                // And the places of its links that expired before: a list left with only those would still name its owner.
                await db.SortedSetRemoveRangeByScoreAsync(owner.Key, double.NegativeInfinity, madeUpTo.ToUnixTimeMilliseconds()).ConfigureAwait(false);
            }

            if (own.Count > 0)
            {
                await db.SortedSetRemoveAsync(Polls, [.. own.Select(s => (RedisValue)s.Id)]).ConfigureAwait(false);
                await db.KeyDeleteAsync([.. own.Select(s => Share(s.Id)), .. own.Where(s => s.BackendReceiptId is not null).Select(s => Receipt(s.BackendReceiptId!))]).ConfigureAwait(false);
                purged += own.Count;
            }

            await db.SortedSetRemoveAsync(index, [.. own.Select(s => (RedisValue)s.Id), .. gone.Select(id => (RedisValue)id)]).ConfigureAwait(false);
        }

        return purged;
    }

    public async Task RetryNotificationAsync(string id, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(RetryNotification, [Share(id), Polls], [id, next.ToUnixTimeMilliseconds()]).ConfigureAwait(false);
    }

    public async Task EndNotificationRetriesAsync(string id, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(EndNotificationRetries, [Share(id), Polls], [id]).ConfigureAwait(false);
    }

    /// <summary>
    /// Puts the links a version without the workspace index kept (in their owners' lists only) into it, once per store:
    /// the marker is set only after every one found is indexed, so a scan that failed is made again at the next purge.
    /// </summary>
    private async Task IndexEarlierLinksOnceAsync(IDatabase db)
    {
        var indexed = (RedisKey)(redis.KeyPrefix + "tracked-indexed");
        if (await db.KeyExistsAsync(indexed).ConfigureAwait(false))
        {
            return;
        }

        foreach (var list in await RedisKeyScan.StartingWithAsync(redis, redis.KeyPrefix + "tracked-owner:").ConfigureAwait(false))
        {
            foreach (var id in await db.SortedSetRangeByRankAsync(list).ConfigureAwait(false))
            {
                if (await ReadAsync(db, id.ToString()).ConfigureAwait(false) is { } share)
                {
                    var index = InWorkspace(share.Workspace);
                    await db.SortedSetAddAsync(index, share.Id, share.KeepUntil.ToUnixTimeMilliseconds()).ConfigureAwait(false);
                    var keep = share.KeepUntil - share.Created;
                    if ((await db.KeyTimeToLiveAsync(index).ConfigureAwait(false) ?? TimeSpan.Zero) < keep)
                    {
                        await db.KeyExpireAsync(index, keep).ConfigureAwait(false);
                    }
                }
            }
        }

        await db.StringSetAsync(indexed, "1").ConfigureAwait(false);
    }

    private async Task<TrackedShare?> ReadAsync(IDatabase db, string id)
    {
        var fields = db.HashGetAllAsync(Share(id));
        var next = db.SortedSetScoreAsync(Polls, id);
        var all = (await fields.ConfigureAwait(false)).ToDictionary(f => f.Name.ToString(), f => f.Value.ToString(), StringComparer.Ordinal);
        var nextPoll = await next.ConfigureAwait(false);
        if (!all.TryGetValue("body", out var body))
        {
            return null;
        }

        try
        {
            var share = StateJson.Read(body, StateJsonContext.Default.TrackedShare) ?? throw new InvalidDataException("A tracked link's hash holds no document.");
            return share with
            {
                Status = all.TryGetValue("status", out var status) ? Enum.Parse<SecretStatus>(status) : SecretStatus.New,
                StatusChangedAt = all.TryGetValue("changed", out var changed) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(changed, CultureInfo.InvariantCulture)) : null,
                NotificationClaimedUntil = all.TryGetValue("claimed", out var claimed) ? DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(claimed, CultureInfo.InvariantCulture)) : null,
                Notification = all.TryGetValue("outcome", out var outcome) ? Enum.Parse<NotificationOutcome>(outcome) : null,
                NextPollAt = nextPoll is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds((long)ms) : null,
                SentTo = all.TryGetValue(SentToField, out var sentTo) ? StateJson.Read(sentTo, StateJsonContext.Default.Person) : share.SentTo,
            };
        }
        catch (Exception unreadable) when (unreadable is System.Text.Json.JsonException or InvalidDataException or ArgumentException or FormatException or OverflowException)
        {
            // A hash this version cannot read is left out (and so no longer polled) rather than failing the links read with it.
            return null;
        }
    }

    private RedisKey Share(string id) => redis.KeyPrefix + "tracked:" + id;

    private RedisKey Owner(WorkspaceId workspace, string userId) => OwnerPrefix(workspace) + userId;

    private string OwnerPrefix(WorkspaceId workspace) => redis.KeyPrefix + "tracked-owner:" + workspace.Key + ":";

    private RedisKey InWorkspace(WorkspaceId workspace) => redis.KeyPrefix + "tracked-workspace:" + workspace.Key;

    private RedisKey OfEnterprise(string enterpriseId) => redis.KeyPrefix + "tracked-enterprise:" + enterpriseId;

    private RedisKey Receipt(string backendReceiptId) => redis.KeyPrefix + "tracked-receipt:" + backendReceiptId;

    // A field of its own beside the document, read over the document's: one script, the document left as saved.
    private const string SentToField = "sentto";

    private const string SetSentTo = """
        if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HSET', KEYS[1], 'sentto', ARGV[1]) end
        """;

    public async Task SetSentToAsync(string id, Person? sentTo, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.ScriptEvaluateAsync(SetSentTo, [Share(id)], [StateJson.Write<Person?>(sentTo, StateJsonContext.Default.Person!)]).ConfigureAwait(false);
    }
}
