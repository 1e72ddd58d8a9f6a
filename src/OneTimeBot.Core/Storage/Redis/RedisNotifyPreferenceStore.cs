using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// One small key per person who ever said <c>notify on</c> or <c>off</c>, kept until they say otherwise, and a set per
/// workspace of who did, so a workspace's purge finds its choices without walking the keyspace. Choices kept before the
/// sets existed are put in them once, by one SCAN, at the first purge after an upgrade. When each person last changed
/// their choice is in a sorted set per workspace beside it, so a purge forgets only choices from before the removal; a
/// choice kept by a version without it has no time there, and counts as made before any removal.
/// </summary>
public sealed class RedisNotifyPreferenceStore(RedisConnection redis, TimeProvider time) : INotifyPreferenceStore
{
    // One person's choice and its time together, so a choice changed while the purge runs is either purged whole or kept whole.
    private const string PurgeChoice = """
        local changed = redis.call('ZSCORE', KEYS[2], ARGV[1])
        if changed and tonumber(changed) > tonumber(ARGV[2]) then return -1 end
        redis.call('ZREM', KEYS[2], ARGV[1])
        return redis.call('DEL', KEYS[1])
        """;

    // One script, as the purge's is: the new time is never seen beside the old choice (a purge would keep that as new,
    // and a host that stopped between the two would keep it for good). The org's set has no expiry, as the choice has
    // none: only team ids, read when the org's install is removed. Its keys live on the one server, as those of every
    // multi-key script of these stores (Redis Cluster is not supported).
    private const string SaveChoice = """
        redis.call('SADD', KEYS[2], ARGV[1])
        if KEYS[4] then redis.call('SADD', KEYS[4], ARGV[4]) end
        redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
        redis.call('SET', KEYS[1], ARGV[2])
        """;

    private string Indexed => redis.KeyPrefix + "notify-indexed";

    public async Task<bool?> FindAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var value = await db.StringGetAsync(Key(workspace, userId)).ConfigureAwait(false);
        return value.HasValue ? value == "on" : null;
    }

    public async Task SaveAsync(WorkspaceId workspace, string userId, bool notify, string? enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        RedisKey[] keys = workspace.Platform == ChatPlatform.Slack && enterpriseId is { Length: > 0 }
            ? [Key(workspace, userId), People(workspace), Changed(workspace), OfEnterprise(enterpriseId)]
            : [Key(workspace, userId), People(workspace), Changed(workspace)];
        await db.ScriptEvaluateAsync(SaveChoice, keys, [userId, notify ? "on" : "off", time.GetUtcNow().ToUnixTimeMilliseconds(), workspace.Id]).ConfigureAwait(false);
    }

    public async Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(Key(workspace, userId)).ConfigureAwait(false);
        await db.SetRemoveAsync(People(workspace), userId).ConfigureAwait(false);
        await db.SortedSetRemoveAsync(Changed(workspace), userId).ConfigureAwait(false);
    }

    /// <summary>
    /// Each person of the workspace's set (and of its times, which a version without them did not purge) whose choice
    /// was last changed up to <paramref name="madeUpTo"/>, or has no time: the choice and its time in one script, then
    /// the member. A choice saved meanwhile has its time before its member, so a member taken out under it is found
    /// again, by its time, at the next purge.
    /// </summary>
    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await IndexEarlierChoicesOnceAsync(db).ConfigureAwait(false);
        var people = People(workspace);
        var changed = Changed(workspace);
        var everyone = (await db.SetMembersAsync(people).ConfigureAwait(false))
            .Concat(await db.SortedSetRangeByRankAsync(changed).ConfigureAwait(false))
            .Select(user => user.ToString())
            .Distinct(StringComparer.Ordinal);
        var purged = 0;
        foreach (var chunk in everyone.Chunk(500))
        {
            var results = await Task.WhenAll(chunk.Select(user => db.ScriptEvaluateAsync(PurgeChoice, [Key(workspace, user), changed], [user, madeUpTo.ToUnixTimeMilliseconds()]))).ConfigureAwait(false);
            var forgotten = chunk.Where((_, i) => (long)results[i] >= 0).ToArray();
            purged += results.Count(r => (long)r == 1);
            if (forgotten.Length > 0)
            {
                await db.SetRemoveAsync(people, [.. forgotten.Select(user => (RedisValue)user)]).ConfigureAwait(false);
            }
        }

        return purged;
    }

    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(OfEnterprise(enterpriseId)).ConfigureAwait(false)).Select(team => new WorkspaceId(ChatPlatform.Slack, team.ToString()))];
    }

    /// <summary>
    /// Puts the choices a version without the per-workspace sets kept into them, once per store: the marker is set only
    /// after every one found is in its set, so a scan that failed is made again at the next purge.
    /// </summary>
    private async Task IndexEarlierChoicesOnceAsync(IDatabase db)
    {
        if (await db.KeyExistsAsync(Indexed).ConfigureAwait(false))
        {
            return;
        }

        var prefix = redis.KeyPrefix + "notify:";
        foreach (var key in await RedisKeyScan.StartingWithAsync(redis, prefix).ConfigureAwait(false))
        {
            // notify:{platform}:{workspace id}:{user id}; a workspace id has no ':', a user id may.
            var parts = key.ToString()[prefix.Length..].Split(':', 3);
            if (parts.Length == 3 && Enum.TryParse<ChatPlatform>(parts[0], ignoreCase: true, out var platform))
            {
                await db.SetAddAsync(People(new WorkspaceId(platform, parts[1])), parts[2]).ConfigureAwait(false);
            }
        }

        await db.StringSetAsync(Indexed, "1").ConfigureAwait(false);
    }

    private string OfEnterprise(string enterpriseId)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        return redis.KeyPrefix + "notify-org:" + enterpriseId;
    }

    private string People(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify-people:" + workspace.Key;
    }

    private string Changed(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify-changed:" + workspace.Key;
    }

    private string Key(WorkspaceId workspace, string userId) => Prefix(workspace) + userId;

    private string Prefix(WorkspaceId workspace)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        return redis.KeyPrefix + "notify:" + workspace.Key + ":";
    }
}
