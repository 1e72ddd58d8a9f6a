using System.Text.Json;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Model;
using StackExchange.Redis;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// Secrets and receipts in Redis, for several replicas. A reveal is <c>GETDEL</c>, atomic on the server; lifetimes
/// are native TTLs, so Redis itself deletes expired secrets and receipts.
/// </summary>
public sealed class RedisSecretStore(RedisConnection redis) : ISecretStore
{
    private const string IncrementInWindow = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        return count
        """;

    private static readonly TimeSpan RecentIndexLifetime = TimeSpan.FromDays(31);

    public async Task SaveAsync(StoredSecret secret, StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(receipt);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var transaction = db.CreateTransaction();
        var recent = RecentKey(receipt.CustomerId);
        _ = transaction.StringSetAsync(SecretKey(secret.SecretKey), JsonSerializer.SerializeToUtf8Bytes(secret), Lifetime(secret.Created, secret.ExpiresAt), When.NotExists);
        _ = transaction.StringSetAsync(ReceiptKey(receipt.MetadataKey), JsonSerializer.SerializeToUtf8Bytes(receipt), Lifetime(receipt.Created, receipt.ExpiresAt), When.NotExists);
        _ = transaction.SortedSetAddAsync(recent, receipt.MetadataKey, receipt.Created.ToUnixTimeMilliseconds());
        _ = transaction.KeyExpireAsync(recent, RecentIndexLifetime);
        if (!await transaction.ExecuteAsync().ConfigureAwait(false))
        {
            throw new InvalidOperationException("Redis did not store the secret.");
        }
    }

    public async Task<StoredSecret?> FindSecretAsync(string secretKey, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return Read<StoredSecret>(await db.StringGetAsync(SecretKey(secretKey)).ConfigureAwait(false));
    }

    public async Task<StoredSecret?> TakeSecretAsync(string secretKey, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return Read<StoredSecret>(await db.StringGetDeleteAsync(SecretKey(secretKey)).ConfigureAwait(false));
    }

    public async Task<StoredReceipt?> FindReceiptAsync(string metadataKey, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return Read<StoredReceipt>(await db.StringGetAsync(ReceiptKey(metadataKey)).ConfigureAwait(false));
    }

    public async Task UpdateReceiptAsync(StoredReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        // XX: never bring back a receipt Redis has already expired; KEEPTTL: keep its lifetime.
        await db.StringSetAsync(ReceiptKey(receipt.MetadataKey), JsonSerializer.SerializeToUtf8Bytes(receipt), null, keepTtl: true, When.Exists).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<StoredReceipt>> RecentReceiptsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var index = RecentKey(customerId);
        await db.SortedSetRemoveRangeByScoreAsync(index, double.NegativeInfinity, since.ToUnixTimeMilliseconds(), Exclude.Stop).ConfigureAwait(false);
        var keys = await db.SortedSetRangeByScoreAsync(index, since.ToUnixTimeMilliseconds(), double.PositiveInfinity, Exclude.None, Order.Descending, 0, 1000).ConfigureAwait(false);
        if (keys.Length == 0)
        {
            return [];
        }

        var values = await db.StringGetAsync(keys.Select(k => (RedisKey)ReceiptKey(k.ToString())).ToArray()).ConfigureAwait(false);
        var receipts = new List<StoredReceipt>(values.Length);
        var gone = new List<RedisValue>();
        for (var i = 0; i < values.Length; i++)
        {
            if (Read<StoredReceipt>(values[i]) is { } receipt)
            {
                receipts.Add(receipt);
            }
            else
            {
                gone.Add(keys[i]);
            }
        }

        if (gone.Count > 0)
        {
            await db.SortedSetRemoveAsync(index, gone.ToArray()).ConfigureAwait(false);
        }

        return receipts;
    }

    public async Task<long> IncrementCounterAsync(string counter, TimeSpan window, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var result = await db.ScriptEvaluateAsync(IncrementInWindow, [(RedisKey)(redis.KeyPrefix + "ots:counter:" + counter)], [(long)window.TotalMilliseconds]).ConfigureAwait(false);
        return (long)result;
    }

    // Redis expires secrets, receipts and counters itself.
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        await db.PingAsync().ConfigureAwait(false);
    }

    private string SecretKey(string key) => redis.KeyPrefix + "ots:secret:" + key;

    private string ReceiptKey(string key) => redis.KeyPrefix + "ots:receipt:" + key;

    private string RecentKey(string customerId) => redis.KeyPrefix + "ots:recent:" + customerId;

    private static TimeSpan Lifetime(DateTimeOffset from, DateTimeOffset to) =>
        to - from is var span && span > TimeSpan.FromSeconds(1) ? span : TimeSpan.FromSeconds(1);

    private static T? Read<T>(RedisValue value) where T : class =>
        value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<T>((byte[])value!);
}
