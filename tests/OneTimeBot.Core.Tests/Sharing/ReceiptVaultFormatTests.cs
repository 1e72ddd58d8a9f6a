using Microsoft.AspNetCore.DataProtection;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Sharing;

/// <summary>
/// A receipt is found and opened the same way by every version: its storage id and its sealed keys below were written
/// by an earlier one, under a fixed deployment key, and must still be found and opened.
/// </summary>
public sealed class ReceiptVaultFormatTests
{
    private const string CardId = "0mhbq3k00abcdefghijklmnopq";
    private const string StoredId = "0mhbq3k00ecc1538745e0e9d8b50dcb5526d7650edbf84a66df777b773f95ffcaab3c5d56";
    private const string SealedKeys = "v3.L4sUnq7PB4GpHmEUqDQyFSiW83+f+QYLZkzGfSJmcw2HSa+kJmPde4uxblZiMMcODrsAM3cW2Lzs5I0sm1z6nMzrEKbzqJvYYTjIpe74OJAjJnuUwdruagv5QQbQnvqbpnD7yVJkg2CqfckZmCbAZYeON6yhY0qv8YS5Cpk=";
    private static readonly byte[] DeploymentKey = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
    private static readonly ReceiptKeys Keys = new("metadatakey0123456789", new Uri("https://eu.onetimesecret.com/secret/abc123"));

    [Fact]
    public async Task A_receipt_sealed_by_an_earlier_version_is_found_by_its_card_and_opens_to_its_keys()
    {
        var store = new MemoryReceipts();
        var vault = Vault(store);
        await store.SaveAsync(Receipt(StoredId, SealedKeys), default);

        var found = await vault.FindAsync(CardId, default);

        Assert.Equal(StoredId, vault.LogName(CardId));
        Assert.Equal(Keys, vault.KeysOf(found!));
    }

    [Fact]
    public async Task A_receipt_saved_now_is_stored_under_the_same_id_and_opens_to_its_keys()
    {
        var store = new MemoryReceipts();
        var vault = Vault(store);

        var stored = await vault.SaveAsync(Receipt(CardId, ""), Keys, default);

        Assert.Equal(StoredId, stored);
        Assert.StartsWith("v3.", store.Saved[stored].ProtectedKeys, StringComparison.Ordinal);
        Assert.Equal(SealedKeys.Length, store.Saved[stored].ProtectedKeys.Length);
        Assert.Equal(Keys, vault.KeysOf((await vault.FindAsync(CardId, default))!));
    }

    private static ReceiptVault Vault(IReceiptStore store) => new(store, new Deployment(DeploymentKey), new EphemeralDataProtectionProvider());

    private static ReceiptRecord Receipt(string id, string sealedKeys) =>
        new(id, new WorkspaceId(ChatPlatform.Slack, "T1"), "U1", "eu", sealedKeys, Made, Made.AddDays(1), TimeSpan.FromDays(1), false, null, false);

    private sealed record Deployment(byte[] Key) : IKeyRingKey;

    private sealed class MemoryReceipts : IReceiptStore
    {
        public Dictionary<string, ReceiptRecord> Saved { get; } = [];

        public Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken)
        {
            Saved[receipt.Id] = receipt;
            return Task.CompletedTask;
        }

        public Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken) => Task.FromResult(Saved.GetValueOrDefault(receiptId));

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
