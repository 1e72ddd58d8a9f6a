using OneTimeBot.Core.Sharing;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>Receipts with a native TTL that ends when the backend forgets its own receipt.</summary>
public sealed class RedisReceiptStore(RedisConnection redis) : IReceiptStore
{
    public async Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        var lifetime = receipt.KeepUntil - receipt.Created;
        // The UTF-8 a string would be sent as, without making the string first.
        await db.StringSetAsync(Key(receipt.Id), StateJson.WriteUtf8(receipt, StateJsonContext.Default.ReceiptRecord), lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1), When.NotExists).ConfigureAwait(false);
    }

    public async Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken)
    {
        var db = await redis.DatabaseAsync().ConfigureAwait(false);
        return StateJson.Read(await db.StringGetAsync(Key(receiptId)).ConfigureAwait(false), StateJsonContext.Default.ReceiptRecord);
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);

    private string Key(string receiptId) => redis.KeyPrefix + "receipt:" + receiptId;
}
