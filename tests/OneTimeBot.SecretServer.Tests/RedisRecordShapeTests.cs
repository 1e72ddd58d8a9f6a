using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Crypto;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>
/// Redis holds secrets and receipts as JSON that other replicas, older and newer, read: the field names are a format,
/// not an implementation detail.
/// </summary>
public sealed class RedisRecordShapeTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly string[] SecretFields = ["ReceiptId", "Ciphertext", "PassphraseHash", "Created", "ExpiresAt"];

    private static readonly string[] ReceiptFields =
    [
        "SecretId", "SealedSecretKey", "SealedMetadataKey", "CustomerId", "State", "TtlSeconds", "Created", "Updated", "Received",
        "SecretExpiresAt", "ExpiresAt", "Recipients", "ShareDomain", "PassphraseRequired",
    ];

    private static readonly string[] ReceiptFieldsBeforeHashedIds =
    [
        "MetadataKey", "SecretKey", "CustomerId", "State", "TtlSeconds", "Created", "Updated", "Received",
        "SecretExpiresAt", "ExpiresAt", "Recipients", "ShareDomain", "PassphraseRequired",
    ];

    [Fact]
    public async Task A_secret_and_its_receipt_are_stored_with_the_fields_every_release_reads_and_no_others()
    {
        await using var host = await SecretServerHost.StartAsync(redis.Server.ConnectionString);
        var ids = host.Services.GetRequiredService<LookupIds>();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText("shaped-for-redis-3d7a"), Passphrase: new SecretText("shape-passphrase-3d7a")));

        var secret = await StoredFieldsAsync(host, "ots:secret:" + ids.SecretId(shared.SecretKey!));
        var receipt = await StoredFieldsAsync(host, "ots:receipt:" + ids.ReceiptId(shared.MetadataKey));

        Assert.Equal(SecretFields, secret);
        Assert.Equal(ReceiptFields, receipt);
    }

    [Fact]
    public async Task A_receipt_stored_before_keys_were_hashed_keeps_its_old_fields_when_it_is_updated()
    {
        var serverKey = RandomNumberGenerator.GetBytes(32);
        var old = LegacySecret.New("revealed-in-the-old-shape-3d7a", "alice@example.com", DateTimeOffset.UtcNow.AddMinutes(-1), TimeSpan.FromHours(1));
        await using var host = await SecretServerHost.StartAsync(redis.Server.ConnectionString, new Dictionary<string, string?> { ["SecretServer:EncryptionKey"] = Convert.ToBase64String(serverKey) });
        await LegacyStore.WriteRedisAsync(redis.Server, Prefix(host), serverKey, [old], []);

        var revealed = await host.Client.RevealAsync(host.Anonymous, old.SecretKey);
        var receipt = await StoredFieldsAsync(host, "ots:receipt:" + old.MetadataKey);

        Assert.Equal("revealed-in-the-old-shape-3d7a", revealed.Value!.Value.Reveal());
        Assert.Equal(ReceiptFieldsBeforeHashedIds, receipt);
        Assert.Equal(SecretState.Received, (await host.Client.GetReceiptAsync(host.Alice, old.MetadataKey)).Value!.State);
    }

    private static string Prefix(SecretServerHost host) => host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RedisKeyPrefix;

    private static async Task<string[]> StoredFieldsAsync(SecretServerHost host, string key)
    {
        var db = await host.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        using var json = JsonDocument.Parse((byte[])(await db.StringGetAsync(Prefix(host) + key))!);
        return json.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
    }
}
