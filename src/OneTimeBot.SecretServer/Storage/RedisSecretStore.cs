using System.Text.Json;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Model;
using StackExchange.Redis;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// Secrets and receipts in Redis, for several replicas, under their ids (see <see cref="StoreLookup"/>). A reveal is
/// <c>GETDEL</c>, atomic on the server; lifetimes are native TTLs, so Redis itself deletes expired secrets and receipts.
/// A lookup asks for the id and the legacy key in one <c>MGET</c>. Which of the two a value was stored under says
/// which shape it has: ids are 64 hex characters, keys of the old records 62 base36 ones.
/// </summary>
public sealed class RedisSecretStore(RedisConnection redis) : ISecretStore
{
    private static readonly TimeSpan RecentIndexLifetime = TimeSpan.FromDays(31);

    public async Task SaveAsync(StoredSecret secret, StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(receipt);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var transaction = db.CreateTransaction();
        _ = transaction.StringSetAsync(SecretKey(secret.Id), JsonSerializer.SerializeToUtf8Bytes(secret, RedisRecordJson.Current), Lifetime(secret.Created, secret.ExpiresAt), When.NotExists);
        _ = transaction.StringSetAsync(ReceiptKey(receipt.Id), JsonSerializer.SerializeToUtf8Bytes(receipt, RedisRecordJson.Current), Lifetime(receipt.Created, receipt.ExpiresAt), When.NotExists);
        // Only receipts a recent list can show are indexed: an account's, whose metadata key is sealed for it.
        if (receipt.SealedMetadataKey is not null)
        {
            var recent = RecentKey(receipt.CustomerId);
            _ = transaction.SortedSetAddAsync(recent, receipt.Id, receipt.Created.ToUnixTimeMilliseconds());
            _ = transaction.KeyExpireAsync(recent, RecentIndexLifetime);
        }

        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("Redis did not store the secret.");
        }
    }

    public async Task<StoredSecret?> FindSecretAsync(StoreLookup lookup, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var (value, id) = await GetEitherAsync(db, lookup, SecretKey).ConfigureAwait(false);
        return ReadSecret(value, id);
    }

    public async Task<StoredSecret?> TakeSecretAsync(string id, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return ReadSecret(await db.StringGetDeleteAsync(SecretKey(id)).ConfigureAwait(false), id);
    }

    public async Task<StoredReceipt?> FindReceiptAsync(StoreLookup lookup, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var (value, id) = await GetEitherAsync(db, lookup, ReceiptKey).ConfigureAwait(false);
        return ReadReceipt(value, id);
    }

    public async Task UpdateReceiptAsync(StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var value = JsonSerializer.SerializeToUtf8Bytes(receipt, receipt.IsLegacy ? RedisRecordJson.BeforeHashedIds : RedisRecordJson.Current);
        // XX: never bring back a receipt Redis has already expired; KEEPTTL: keep its lifetime.
        await db.StringSetAsync(ReceiptKey(receipt.Id), value, null, keepTtl: true, When.Exists).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReceipt>> RecentReceiptsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var index = RecentKey(customerId);
        await db.SortedSetRemoveRangeByScoreAsync(index, double.NegativeInfinity, since.ToUnixTimeMilliseconds(), Exclude.Stop).ConfigureAwait(false);
        var ids = await db.SortedSetRangeByScoreAsync(index, since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, 1000).ConfigureAwait(false);
        if (ids.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync(ids.Select(id => (RedisKey)ReceiptKey(id.ToString())).ToArray()).ConfigureAwait(false);
        var receipts = new List<StoredReceipt>(values.Length);
        var gone = new List<RedisValue>();
        for (var i = 0; i < values.Length; i++)
        {
            if (ReadReceipt(values[i], ids[i].ToString()) is { } receipt)
            {
                receipts.Add(receipt);
            }
            else
            {
                gone.Add(ids[i]);
            }
        }

        if (gone.Count > 0)
        {
            await db.SortedSetRemoveAsync(index, gone.ToArray()).ConfigureAwait(false);
        }

        return receipts;
    }

    // Redis expires secrets and receipts itself.
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.PingAsync().ConfigureAwait(false);
    }

    /// <summary>The value under the lookup's id, else under its legacy key, with the id it was found under; one round trip.</summary>
    private static async Task<(RedisValue Value, string Id)> GetEitherAsync(IDatabase db, StoreLookup lookup, Func<string, string> name)
    {
        if (lookup.LegacyKey is null)
        {
            return (await db.StringGetAsync(name(lookup.Id)).ConfigureAwait(false), lookup.Id);
        }

        var values = await db.StringGetAsync([name(lookup.Id), name(lookup.LegacyKey)]).ConfigureAwait(false);
        return values[0].IsNullOrEmpty ? (values[1], lookup.LegacyKey) : (values[0], lookup.Id);
    }

    private string SecretKey(string id) => redis.KeyPrefix + "ots:secret:" + id;

    private string ReceiptKey(string id) => redis.KeyPrefix + "ots:receipt:" + id;

    private string RecentKey(string customerId) => redis.KeyPrefix + "ots:recent:" + customerId;

    private static TimeSpan Lifetime(DateTimeOffset from, DateTimeOffset to) =>
        to - from is var span && span > TimeSpan.FromSeconds(1) ? span : TimeSpan.FromSeconds(1);

    private static StoredSecret? ReadSecret(RedisValue value, string id) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<StoredSecret>((byte[])value!, ShapeOf(id)) is { } secret ? secret with { Id = id } : null;

    private static StoredReceipt? ReadReceipt(RedisValue value, string id) =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<StoredReceipt>((byte[])value!, ShapeOf(id)) is { } receipt ? receipt with { Id = id } : null;

    private static JsonSerializerOptions ShapeOf(string id) => StoreLookup.IsLegacyKey(id) ? RedisRecordJson.BeforeHashedIds : RedisRecordJson.Current;
}
