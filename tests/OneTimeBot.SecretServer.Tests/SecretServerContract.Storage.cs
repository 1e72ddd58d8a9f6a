using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Storage;
using OneTimeBot.SecretServer.Crypto;
using OneTimeBot.SecretServer.Storage;
using OneTimeSecret.Client;
using StackExchange.Redis;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>What is at rest: ciphertext only, lifetimes that end, nothing secret in logs.</summary>
public abstract partial class SecretServerContract
{
    private const string SecretCanary = "PLAINTEXT-CANARY-7f3a9c-secret";
    private const string PassphraseCanary = "PASSPHRASE-CANARY-2b8e41";

    [Fact]
    public async Task Stored_data_holds_no_plaintext_secret_or_passphrase()
    {
        await using var host = await StartAsync();
        var shared = new List<SecretReceipt>();
        for (var i = 0; i < 5; i++)
        {
            shared.Add(await host.ShareAsync(host.Alice, new ShareRequest(new SecretText($"{SecretCanary}-{i}"), Passphrase: new SecretText(PassphraseCanary))));
        }

        var stored = await ReadAllStoredBytesAsync(host);

        Assert.True(stored.Length > 1000, "the store should hold the five secrets");
        Assert.DoesNotContain("CANARY", Encoding.UTF8.GetString(stored), StringComparison.Ordinal);
        Assert.DoesNotContain("CANARY", Encoding.Unicode.GetString(stored), StringComparison.Ordinal);
        var revealed = await host.Client.RevealAsync(host.Anonymous, shared[0].SecretKey!, new SecretText(PassphraseCanary));
        Assert.Equal($"{SecretCanary}-0", revealed.Value!.Value.Reveal());
    }

    [Fact]
    public async Task Nothing_secret_reaches_the_logs_of_a_full_flow()
    {
        await using var host = await StartAsync();

        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText(SecretCanary), Passphrase: new SecretText(PassphraseCanary)));
        await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText("wrong-" + PassphraseCanary));
        await host.Client.RevealAsync(host.Anonymous, shared.SecretKey!, new SecretText(PassphraseCanary));
        var generated = (await host.Client.GenerateAsync(host.Alice, new GenerateRequest())).Value!;
        await host.Client.BurnAsync(host.Alice, generated.Receipt.MetadataKey);

        Assert.NotEmpty(host.Logs.Entries);
        Assert.DoesNotContain("CANARY", host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(generated.Value.Reveal(), host.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretServerHost.AliceToken, host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expired_secrets_are_deleted_from_the_store_not_just_hidden()
    {
        await using var host = await StartAsync();
        var store = host.Services.GetRequiredService<ISecretStore>();
        var ids = host.Services.GetRequiredService<LookupIds>();
        var shared = await host.ShareAsync(host.Alice, new ShareRequest(new SecretText(SecretCanary), TimeSpan.FromMinutes(2)));

        host.Clock.Advance(TimeSpan.FromMinutes(3));
        await store.PurgeExpiredAsync(host.Clock.GetUtcNow(), default);

        if (store is SqliteSecretStore)
        {
            Assert.Null(await store.FindSecretAsync(ids.Secret(shared.SecretKey!), default));
            Assert.Equal("expired", (await store.FindReceiptAsync(ids.Receipt(shared.MetadataKey), default))!.State);
        }
        else
        {
            // Redis deletes on its own clock: the secret's key must carry a TTL no longer than the secret's.
            var db = await host.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
            var ttl = await db.KeyTimeToLiveAsync(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RedisKeyPrefix + "ots:secret:" + ids.SecretId(shared.SecretKey!));
            Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(100), TimeSpan.FromMinutes(2));
        }

        Assert.Equal(SecretState.Expired, (await host.Client.GetReceiptAsync(host.Alice, shared.MetadataKey)).Value!.State);
    }

    /// <summary>
    /// Every byte the store holds: all files in the host's data folder (the SQLite file, its WAL and -shm), or every
    /// Redis key name under the host's prefix with its value, whatever its type.
    /// </summary>
    private protected static async Task<byte[]> ReadAllStoredBytesAsync(SecretServerHost host)
    {
        var store = host.Services.GetRequiredService<ISecretStore>();
        if (store is SqliteSecretStore)
        {
            var files = Directory.GetFiles(host.DataDirectory, "*", SearchOption.AllDirectories);
            return files.SelectMany(f =>
            {
                try
                {
                    using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                    using var memory = new MemoryStream();
                    stream.CopyTo(memory);
                    return memory.ToArray();
                }
                catch (FileNotFoundException)
                {
                    // SQLite deletes its -shm and -wal files when the last connection closes, which can fall between
                    // listing the folder and opening the file; what they held is in the database file by then.
                    return [];
                }
            }).ToArray();
        }

        var db = await host.Services.GetRequiredService<RedisConnection>().DatabaseAsync();
        var server = db.Multiplexer.GetServers()[0];
        var prefix = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value.RedisKeyPrefix;
        var bytes = new List<byte>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*"))
        {
            bytes.AddRange((byte[])key!);
            // GET, not DUMP: DUMP may compress a value and so hide plaintext from this check.
            var values = await db.KeyTypeAsync(key) switch
            {
                RedisType.String => [await db.StringGetAsync(key)],
                RedisType.SortedSet => await db.SortedSetRangeByRankAsync(key),
                RedisType.Hash => (await db.HashGetAllAsync(key)).SelectMany(e => new[] { e.Name, e.Value }).ToArray(),
                RedisType.Set => await db.SetMembersAsync(key),
                RedisType.List => await db.ListRangeAsync(key),
                var other => throw new InvalidOperationException($"the store holds a {other} this check cannot read"),
            };
            foreach (var value in values)
            {
                bytes.AddRange((byte[]?)value ?? []);
            }
        }

        return bytes.ToArray();
    }
}
