using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// Requests as Redis hashes (the record, its state and when it expires) that Redis forgets by itself at
/// <see cref="StoredSecretRequest.KeepUntil"/>, and each workspace's requests in a sorted set scored by when each is kept
/// until, which purges the workspace when the app is removed (and for a workspace of an Enterprise Grid org, its team id
/// in the org's set, which finds it when an org-wide install is removed). Closing one is a script, which Redis runs alone: of any number of
/// replicas closing a request at once, exactly one finds it open.
/// </summary>
public sealed class RedisSecretRequestStore(RedisConnection redis) : ISecretRequestStore
{
    private const string Save = """
        redis.call('HSET', KEYS[1], 'body', ARGV[1], 'state', ARGV[2], 'expires', ARGV[3])
        redis.call('PEXPIREAT', KEYS[1], ARGV[4])
        redis.call('ZADD', KEYS[2], ARGV[4], ARGV[6])
        redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[5])
        if redis.call('PTTL', KEYS[2]) < tonumber(ARGV[4]) - tonumber(ARGV[5]) then redis.call('PEXPIREAT', KEYS[2], ARGV[4]) end
        if ARGV[7] ~= '' then
            redis.call('SADD', KEYS[3], ARGV[7])
            if redis.call('PTTL', KEYS[3]) < tonumber(ARGV[4]) - tonumber(ARGV[5]) then redis.call('PEXPIREAT', KEYS[3], ARGV[4]) end
        end
        return 1
        """;

    private const string Close = """
        if redis.call('HGET', KEYS[1], 'state') == ARGV[2] and tonumber(redis.call('HGET', KEYS[1], 'expires')) > tonumber(ARGV[3]) then
            redis.call('HSET', KEYS[1], 'state', ARGV[1])
            return 1
        end
        return 0
        """;

    public async Task SaveAsync(StoredSecretRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var enterprise = request.Workspace.Platform == ChatPlatform.Slack ? request.RequesterReach?.EnterpriseId : null;
        await db.ScriptEvaluateAsync(Save, [Key(request.Id), InWorkspace(request.Workspace), OfEnterprise(enterprise ?? "")],
        [
            StateJson.Write(request), request.State.ToString(), request.ExpiresAt.ToUnixTimeMilliseconds(), request.KeepUntil.ToUnixTimeMilliseconds(),
            request.Created.ToUnixTimeMilliseconds(), request.Id, enterprise is null ? "" : request.Workspace.Id,
        ]).ConfigureAwait(false);
    }

    public async Task<StoredSecretRequest?> FindAsync(string requestId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var fields = await db.HashGetAsync(Key(requestId), ["body", "state"]).ConfigureAwait(false);
        return fields[0].HasValue && fields[1].HasValue && StateJson.Read<StoredSecretRequest>(fields[0]) is { } request
            ? request with { State = Enum.Parse<RequestState>(fields[1].ToString()) }
            : null;
    }

    public async Task<bool> TryCloseAsync(string requestId, RequestState to, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return (long)await db.ScriptEvaluateAsync(Close, [Key(requestId)],
            [to.ToString(), nameof(RequestState.Open), now.ToUnixTimeMilliseconds()]).ConfigureAwait(false) == 1;
    }

    public async Task DeleteAsync(string requestId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.KeyDeleteAsync(Key(requestId)).ConfigureAwait(false);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return [.. (await db.SetMembersAsync(OfEnterprise(enterpriseId)).ConfigureAwait(false)).Select(team => new WorkspaceId(ChatPlatform.Slack, team.ToString()))];
    }

    /// <summary>
    /// The requests of the workspace's index made up to <paramref name="madeUpTo"/>, as each one's record says (one that
    /// cannot be read counts as made before); those made later, and their index entries, stay.
    /// </summary>
    public async Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var index = InWorkspace(workspace);
        var purged = 0L;
        foreach (var chunk in (await db.SortedSetRangeByRankAsync(index).ConfigureAwait(false)).Chunk(500))
        {
            var bodies = await Task.WhenAll(chunk.Select(id => db.HashGetAsync(Key(id.ToString()), "body"))).ConfigureAwait(false);
            var old = chunk.Where((_, i) => !bodies[i].HasValue || MadeUpTo(bodies[i].ToString(), madeUpTo)).ToArray();
            if (old.Length > 0)
            {
                purged += await db.KeyDeleteAsync([.. old.Select(id => Key(id.ToString()))]).ConfigureAwait(false);
                await db.SortedSetRemoveAsync(index, old).ConfigureAwait(false);
            }
        }

        return (int)purged;
    }

    // In whole milliseconds, as the moment is kept: one made in the removal's millisecond counts as made before it.
    private static bool MadeUpTo(string body, DateTimeOffset madeUpTo)
    {
        try
        {
            return StateJson.Read<StoredSecretRequest>(body) is not { } request || request.Created.ToUnixTimeMilliseconds() <= madeUpTo.ToUnixTimeMilliseconds();
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    private RedisKey Key(string requestId) => redis.KeyPrefix + "request:" + requestId;

    private RedisKey InWorkspace(WorkspaceId workspace) => redis.KeyPrefix + "request-workspace:" + workspace.Key;

    private RedisKey OfEnterprise(string enterpriseId) => redis.KeyPrefix + "request-enterprise:" + enterpriseId;
}
