using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Configuration;
using OneTimeBot.SecretServer.Accounts;
using OneTimeBot.Testing;
using OneTimeSecret.Client;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenario 3, keys readable at rest: with a backup of the SQLite file (and its WAL) or read access to Redis, and even
/// knowing <c>SecretServer:EncryptionKey</c>, an attacker finds no secret or metadata key and can reveal nothing.
/// </summary>
public sealed class KeysAtRestTests : IAsyncLifetime
{
    private const string OpsToken = "ops-token-3b9d1c7e5a";
    private static readonly string ServerKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task The_sqlite_file_and_its_wal_hold_no_key_and_a_backup_with_the_server_key_reveals_nothing()
    {
        await using var host = StartHost(new Dictionary<string, string?>());
        var flow = await RunSharesAsync(host);

        var stored = ReadDatabaseFiles(host.DataDirectory);
        var backup = Path.Combine(host.DataDirectory, "stolen-backup.db");
        host.Sql($"VACUUM INTO '{backup}'");
        var secretIds = IdsIn(backup, "ots_secrets");
        var receiptIds = IdsIn(backup, "ots_receipts");
        await using var attacker = StartHost(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={backup}" });
        var attempts = await TryIdsAsKeysAsync(attacker, secretIds, receiptIds);
        var withTheLink = await RevealAsync(attacker, flow.Live.SecretKey!);

        Assert.True(stored.Length > 10_000, "the scan should read the database and its WAL");
        Assert.True(Holds(stored, secretIds[0]), "the scan should find the ids the store keeps");
        AssertHoldsNone(stored, flow.Keys);
        Assert.Equal(flow.Keys.Count / 2, receiptIds.Count);
        Assert.All(attempts, Assert.False);
        Assert.Equal("Kr7-still-live-at-rest-1c5a", withTheLink);
    }

    [Fact]
    public async Task No_redis_key_name_or_value_holds_a_key_and_redis_read_access_with_the_server_key_reveals_nothing()
    {
        var redis = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = _redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = "tenant-test:",
        };
        await using var host = StartHost(redis);
        var flow = await RunSharesAsync(host);

        var stored = await ReadRedisAsync(_redis);
        var names = KeyNames(await _redis.CommandAsync("KEYS", "*"));
        var secretIds = names.Where(n => n.StartsWith("tenant-test:ots:secret:", StringComparison.Ordinal)).Select(n => n["tenant-test:ots:secret:".Length..]).ToList();
        var receiptIds = names.Where(n => n.StartsWith("tenant-test:ots:receipt:", StringComparison.Ordinal)).Select(n => n["tenant-test:ots:receipt:".Length..]).ToList();
        await using var attacker = StartHost(redis);
        var attempts = await TryIdsAsKeysAsync(attacker, secretIds, receiptIds);
        var withTheLink = await RevealAsync(attacker, flow.Live.SecretKey!);

        Assert.True(names.Count > 5, "the scan should list the store's keys");
        Assert.True(Holds(stored, secretIds[0]), "the scan should find the ids the store keeps");
        AssertHoldsNone(stored, flow.Keys);
        Assert.Equal(flow.Keys.Count / 2, receiptIds.Count);
        Assert.All(attempts, Assert.False);
        Assert.Equal("Kr7-still-live-at-rest-1c5a", withTheLink);
    }

    private static HostFactory StartHost(Dictionary<string, string?> settings)
    {
        settings["SecretServer:EncryptionKey"] = ServerKey;
        settings["SecretServer:Accounts:0:Username"] = "ops@example.com";
        settings["SecretServer:Accounts:0:ApiTokenSha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(OpsToken)));
        var host = new HostFactory(settings, kestrel: true);
        host.StartServer();
        return host;
    }

    /// <summary>Shares, generates, reads receipts, reveals, burns and guesses through /api/v1 and the pages, as every kind of caller.</summary>
    private static async Task<SharedFlow> RunSharesAsync(HostFactory host)
    {
        var client = host.Services.GetRequiredService<IOneTimeSecretClient>();
        var baseUri = new Uri($"http://127.0.0.1:{host.Port}/");
        var anonymous = new OneTimeSecretConnection(baseUri);
        var ops = new OneTimeSecretConnection(baseUri, new OneTimeSecretCredentials("ops@example.com", new SecretText(OpsToken)));
        var bot = host.Services.GetRequiredService<DefaultBackend>().Connection();

        var guarded = (await client.ShareAsync(anonymous, new ShareRequest(new SecretText("Kr7-guarded-at-rest-9a3c"), Passphrase: new SecretText("right-passphrase")))).Value!;
        var listed = (await client.ShareAsync(ops, new ShareRequest(new SecretText("Kr7-listed-at-rest-2b8d")))).Value!;
        var fromBot = (await client.ShareAsync(bot, new ShareRequest(new SecretText("Kr7-from-the-bot-at-rest-6f0e")))).Value!;
        var burned = (await client.ShareAsync(bot, new ShareRequest(new SecretText("Kr7-burned-at-rest-4e1b")))).Value!;
        var generated = (await client.GenerateAsync(ops, new GenerateRequest())).Value!.Receipt;
        var live = (await client.ShareAsync(ops, new ShareRequest(new SecretText("Kr7-still-live-at-rest-1c5a")))).Value!;

        using var browser = new HttpClient();
        await browser.GetStringAsync(guarded.ReceiptLink);
        await browser.GetStringAsync(fromBot.SecretLink);
        await client.GetReceiptAsync(bot, fromBot.MetadataKey);
        await client.GetRecentAsync(ops);
        await client.RevealAsync(anonymous, guarded.SecretKey!, new SecretText("wrong-guess"));
        await client.BurnAsync(anonymous, guarded.MetadataKey, new SecretText("wrong-guess"));
        await client.RevealAsync(anonymous, guarded.SecretKey!, new SecretText("right-passphrase"));
        await client.RevealAsync(anonymous, listed.SecretKey!);
        await browser.PostAsync(fromBot.SecretLink, new FormUrlEncodedContent([]));
        await client.BurnAsync(bot, burned.MetadataKey);
        await client.RevealAsync(anonymous, generated.SecretKey!);

        SecretReceipt[] all = [guarded, listed, fromBot, burned, generated, live];
        return new SharedFlow(all.SelectMany(r => new[] { r.SecretKey!, r.MetadataKey }).ToList(), live);
    }

    /// <summary>
    /// What someone holding the store and the server key can try: every stored id as a secret key and as a metadata
    /// key, anonymously and as the bot's internal account (whose token derives from the server key). True = it worked.
    /// </summary>
    private static async Task<List<bool>> TryIdsAsKeysAsync(HostFactory attacker, IReadOnlyList<string> secretIds, IReadOnlyList<string> receiptIds)
    {
        var client = attacker.Services.GetRequiredService<IOneTimeSecretClient>();
        var baseUri = new Uri($"http://127.0.0.1:{attacker.Port}/");
        var bot = new OneTimeSecretConnection(baseUri, attacker.Services.GetRequiredService<ApiAccounts>().InternalCredentials);
        var outcomes = new List<bool>();
        foreach (var id in secretIds.Concat(receiptIds))
        {
            outcomes.Add((await client.RevealAsync(new OneTimeSecretConnection(baseUri), id)).IsSuccess);
            outcomes.Add((await client.GetReceiptAsync(bot, id)).IsSuccess);
        }

        outcomes.Add((await client.GetRecentAsync(bot)).Value is { Count: > 0 });
        return outcomes;
    }

    private static async Task<string?> RevealAsync(HostFactory host, string secretKey)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{host.Port}/api/v1/secret/{secretKey}"), new FormUrlEncodedContent([]));
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("value", out var value) ? value.GetString() : null;
    }

    private static byte[] ReadDatabaseFiles(string directory) =>
        new[] { "onetimebot.db", "onetimebot.db-wal", "onetimebot.db-shm" }.SelectMany(name =>
        {
            try
            {
                using var stream = new FileStream(Path.Combine(directory, name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var memory = new MemoryStream();
                stream.CopyTo(memory);
                return memory.ToArray();
            }
            catch (FileNotFoundException)
            {
                return [];
            }
        }).ToArray();

    private static List<string> IdsIn(string database, string table)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=false");
        connection.Open();
        using var select = connection.CreateCommand();
#pragma warning disable CA2100 // the table names are this file's own
        select.CommandText = $"SELECT id FROM {table}";
#pragma warning restore CA2100
        using var reader = select.ExecuteReader();
        var ids = new List<string>();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Every key name and every value in Redis, whatever its type, as raw protocol replies.</summary>
    private static async Task<byte[]> ReadRedisAsync(RedisServer redis)
    {
        var everything = new StringBuilder();
        foreach (var name in KeyNames(await redis.CommandAsync("KEYS", "*")))
        {
            everything.Append(name).Append('\n');
            var type = (await redis.CommandAsync("TYPE", name)).Trim().TrimStart('+');
            everything.Append(type switch
            {
                "string" => await redis.CommandAsync("GET", name),
                "zset" => await redis.CommandAsync("ZRANGE", name, "0", "-1", "WITHSCORES"),
                "hash" => await redis.CommandAsync("HGETALL", name),
                "set" => await redis.CommandAsync("SMEMBERS", name),
                "list" => await redis.CommandAsync("LRANGE", name, "0", "-1"),
                _ => throw new InvalidOperationException($"Redis holds a {type} this check cannot read"),
            });
        }

        // Keys are ASCII, so decoding the replies as UTF-8 and back keeps every occurrence of one.
        return Encoding.UTF8.GetBytes(everything.ToString());
    }

    private static List<string> KeyNames(string keysReply) =>
        keysReply.Split("\r\n").Where((line, i) => i > 0 && line.Length > 0 && line[0] != '$').ToList();

    private static void AssertHoldsNone(byte[] stored, IReadOnlyList<string> keys)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            Assert.False(Holds(stored, keys[i]), $"key {i} of the flow is readable in the store");
        }
    }

    private static bool Holds(byte[] stored, string text) =>
        stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text)) >= 0 ||
        stored.AsSpan().IndexOf(Encoding.ASCII.GetBytes(text.ToLowerInvariant())) >= 0 ||
        stored.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    private sealed record SharedFlow(IReadOnlyList<string> Keys, SecretReceipt Live);
}
