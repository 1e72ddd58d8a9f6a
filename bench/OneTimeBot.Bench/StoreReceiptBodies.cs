using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Bench;

/// <summary>
/// Receipts shaped as the vault stores them, for filling a store fast: one sealed by the real vault sets the length of
/// the sealed keys, and every receipt gets its own random id (an HMAC's 64 hex characters), sealed bytes and age.
/// </summary>
internal sealed class StoreReceiptBodies
{
    private static readonly TimeSpan[] Ttls = [TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(7)];

    private readonly ReceiptRecord _sealed;
    private readonly int _sealedBytes;

    public StoreReceiptBodies(StoreUnderTest store)
    {
        var capture = new CapturedReceipt();
        var vault = new ReceiptVault(capture, store.Services.GetRequiredService<IKeyRingKey>(), store.Services.GetRequiredService<IDataProtectionProvider>());
        var (receipt, keys) = StoreShareCommand.NewReceipt(StoreShareCommand.User(0), DateTimeOffset.UtcNow);
        vault.SaveAsync(receipt, keys, CancellationToken.None).GetAwaiter().GetResult();
        _sealed = capture.Saved ?? throw new InvalidOperationException("The vault saved no receipt.");
        _sealedBytes = Convert.FromBase64String(_sealed.ProtectedKeys["v3.".Length..]).Length;
    }

    /// <summary>
    /// A live receipt (created within its lifetime, so kept at least one more lifetime, past the benchmark) or an
    /// expired one (kept until up to a day ago).
    /// </summary>
    public ReceiptRecord Next(DateTimeOffset now, bool expired)
    {
        var ttl = Ttls[Random.Shared.Next(Ttls.Length)];
        var created = expired
            ? now - 2 * ttl - TimeSpan.FromSeconds(Random.Shared.Next(1, 86_400))
            : now - TimeSpan.FromSeconds(Random.Shared.NextDouble() * ttl.TotalSeconds);
        return _sealed with
        {
            Id = RandomHex(32),
            OwnerUserId = StoreShareCommand.User(Random.Shared.Next()),
            ProtectedKeys = "v3." + Convert.ToBase64String(RandomBytes(_sealedBytes)),
            Created = created,
            ExpiresAt = created + ttl,
            Ttl = ttl,
        };
    }

    // Filling a million rows: System.Random is fast enough, and nothing here needs to be unguessable.
    public static string RandomHex(int bytes) => Convert.ToHexStringLower(RandomBytes(bytes));

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        Random.Shared.NextBytes(bytes);
        return bytes;
    }

    private sealed class CapturedReceipt : IReceiptStore
    {
        public ReceiptRecord? Saved { get; private set; }

        public Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
        {
            Saved = receipt;
            return Task.CompletedTask;
        }

        public Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken) => Task.FromResult<ReceiptRecord?>(null);

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
