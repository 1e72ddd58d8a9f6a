using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using OneTimeBot.Testing;
using OneTimeBot.Testing.Slack;
using StackExchange.Redis;

namespace OneTimeBot.Bench;

/// <summary>
/// How much memory Redis needs per live secret, measured, not estimated: the real host (in process, as the tests start
/// it) on a real redis-server takes signed <c>/onetime share</c> commands, as Slack sends them, each through every store
/// a share touches (the secret service's secret and receipt, the bot's receipt, its tracked link, the replay record of
/// the signature, the creation counters). Then <c>INFO memory</c>'s used_memory before and after, and
/// <c>MEMORY USAGE</c> of every key, grouped by what it holds.
/// </summary>
internal static class RedisSizing
{
    private const int Concurrency = 8;
    private const int Users = 200;

    public static async Task RunAsync(int shares, int secretLength)
    {
        await using var redis = await RedisServer.StartAsync();
        var signingSecret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = redis.ConnectionString,
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Slack:SigningSecret"] = signingSecret,
            ["Slack:BotToken"] = "xoxb-5151-2626-sizing" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            ["Teams:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // Sizing, not limits: every share goes through.
            ["CreationLimits:PerUserPerMinute"] = "0",
            ["CreationLimits:PerWorkspacePerMinute"] = "0",
        };
        // The host's own folder as its content root (its appsettings.json), wherever the benchmark is started from.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ONETIMEBOT_HOST", RepositoryRoot.Combine("src", "OneTimeBot.Host"));
        await using var host = new HostFactory<OneTimeBot.Host.Hosting.PublicUrl>(settings, kestrel: true) { CapturedLevel = LogLevel.Warning };
        using var http = host.CreateClient();
        await ShareAsync(http, signingSecret, 0, secretLength);
        var before = await UsedMemoryAsync(redis);
        var keysBefore = await KeyCountAsync(redis);

        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= shares)
            {
                await ShareAsync(http, signingSecret, i, secretLength);
            }
        }));

        var after = await UsedMemoryAsync(redis);
        var perThousand = (after - before) * 1000.0 / shares;
        var version = await StateSize.InfoFieldAsync(redis, "server", "redis_version");
        var keysAfter = await KeyCountAsync(redis);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"OneTimeBot on Redis {version}: {shares:N0} Slack shares of {secretLength}-character secrets, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"used_memory {before / 1048576.0:F1} MiB -> {after / 1048576.0:F1} MiB (keys {keysBefore} -> {keysAfter}): {perThousand / 1048576.0:F2} MiB per 1,000 live shares"));
        Console.WriteLine();
        Console.WriteLine("| key kind | keys | bytes per key (MEMORY USAGE) | MiB per 1,000 shares | lives |");
        Console.WriteLine("|---|--:|--:|--:|---|");
        foreach (var (kind, count, bytes, ttl) in await KeysByKindAsync(redis.ConnectionString))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{kind}` | {count:N0} | {bytes / (double)count:F0} | {bytes * 1000.0 / shares / 1048576.0:F3} | {ttl} |"));
        }
    }

    private static async Task ShareAsync(HttpClient http, string signingSecret, int i, int secretLength)
    {
        var secret = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", secretLength);
        var body = $"team_id=T0SIZING&team_domain=sizing&channel_id=C0SIZING&channel_name=sizing&user_id=U{i % Users:D6}&user_name=u{i % Users}" +
                   $"&command=%2Fonetime&text={Uri.EscapeDataString("share " + secret)}&api_app_id=A0SIZING&trigger_id=sizing.{i}" +
                   "&response_url=" + Uri.EscapeDataString($"https://hooks.slack.com/commands/T0SIZING/{i}/sizing");
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/slack/commands", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Content.Headers.ContentType!.CharSet = null;
        request.Headers.Add(SlackSigning.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(SlackSigning.SignatureHeader, SlackSigning.Signature(signingSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await http.SendAsync(request);
        var card = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !card.Contains("/secret/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"A share got no link: {(int)response.StatusCode}");
        }
    }

    // DBSIZE answers an integer reply: ":N".
    private static async Task<string> KeyCountAsync(RedisServer redis) => (await redis.CommandAsync("DBSIZE")).Trim().TrimStart(':');

    private static async Task<long> UsedMemoryAsync(RedisServer redis) =>
        long.Parse(await StateSize.InfoFieldAsync(redis, "memory", "used_memory"), CultureInfo.InvariantCulture);

    /// <summary>Every key's MEMORY USAGE, summed per kind: the key's name without its id (the part after the last ':').</summary>
    private static async Task<List<(string Kind, int Count, long Bytes, string Lives)>> KeysByKindAsync(string connectionString)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var server = connection.GetServer(connection.GetEndPoints()[0]);
        var db = connection.GetDatabase();
        var keys = server.Keys(pageSize: 1000).ToList();
        var usage = await Task.WhenAll(keys.Select(k => db.ExecuteAsync("MEMORY", "USAGE", k, "SAMPLES", "0")));
        var ttls = await Task.WhenAll(keys.Select(k => db.KeyTimeToLiveAsync(k)));
        return keys.Select((k, i) => (Kind: KindOf(k.ToString()), Bytes: (long)usage[i], Ttl: ttls[i]))
            .GroupBy(k => k.Kind)
            .Select(g => (g.Key, g.Count(), g.Sum(k => k.Bytes), Lives(g.Max(k => k.Ttl))))
            .OrderByDescending(g => g.Item3)
            .ToList();
    }

    private static string KindOf(string key)
    {
        var last = key.LastIndexOf(':');
        return last <= 0 ? key : key[..(last + 1)] + "…";
    }

    private static string Lives(TimeSpan? longestTtl) => longestTtl is { } ttl
        ? ttl.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{ttl.TotalDays:F0} d") : string.Create(CultureInfo.InvariantCulture, $"{ttl.TotalMinutes:F0} min")
        : "no expiry";
}
