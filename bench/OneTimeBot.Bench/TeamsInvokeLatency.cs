using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Auth;
using OneTimeBot.Teams.Connector;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// <c>composeExtension/submitAction</c> (the message extension's Share) as Teams sends it, with a valid Bot Framework
/// JWT, at a fixed concurrency against the real host and its embedded secret service: how long until Teams gets the
/// card it puts in the compose box. Teams gives an invoke 5 s.
/// </summary>
internal static class TeamsInvokeLatency
{
    private const string AppId = "5b1d8e52-3f1a-4c0e-9a7d-2f6b8c4e1a90";
    private const string TenantId = "9e3c1a7b-2d4f-4b6a-8c0e-1f2a3b4c5d6e";

    public static async Task RunAsync(BenchArguments arguments, int concurrency)
    {
        // WebApplicationFactory finds the host's content root through a manifest it looks for in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var requests = arguments.Requests;
        Console.WriteLine($"Teams composeExtension/submitAction (shareSecret): {requests} invokes per store, {concurrency} concurrent, valid JWTs, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        Console.WriteLine(arguments.Prefill > 0
            ? string.Create(CultureInfo.InvariantCulture, $"The host's store is prefilled with {arguments.Prefill:N0} receipts and {arguments.Prefill:N0} replay records before it starts.")
            : "The host's store starts empty.");
        Console.WriteLine();
        await using var botFramework = await FakeBotFramework.StartAsync();
        var rows = new List<string>();
        var notes = new List<string>();
        foreach (var store in arguments.Stores)
        {
            await using var redis = store == HostState.Redis ? await RedisServer.StartAsync() : null;
            var (row, note) = await RunOnAsync(store, botFramework, redis, arguments.Prefill, requests, concurrency, firstInProcess: rows.Count == 0);
            rows.Add(row);
            notes.Add(note);
        }

        Console.WriteLine();
        Console.WriteLine("| store, when | invokes/s | p50 (ms) | p99 (ms) | max (ms) | answered under 5 s | cards | failures |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        notes.ForEach(Console.WriteLine);
    }

    /// <summary>One store's row of the table, and a line on the state's size at the end.</summary>
    private static async Task<(string Row, string Note)> RunOnAsync(string store, FakeBotFramework botFramework, RedisServer? redis, int prefill, int requests, int concurrency, bool firstInProcess)
    {
        // SQLite: the host's default provider and connection string form ("Data Source=FILE", nothing else), with the
        // file in the factory's fresh folder rather than under the repository's src/OneTimeBot.Host/data.
        var settings = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
            ["SecretServer:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Slack:Enabled"] = "false",
            ["Teams:AppId"] = AppId,
            ["Teams:AppPassword"] = "bench-app-password-0001",
            ["Teams:OpenIdMetadataUrl"] = botFramework.MetadataUrl.ToString(),
            ["Teams:LoginBaseUrl"] = botFramework.BaseUri.ToString().TrimEnd('/'),
            // The benchmark is one user sending thousands of secrets a minute; the default limits would stop it. Limits far
            // above the load still count every invoke, as the defaults do (0 would switch the counting off).
            ["CreationLimits:PerUserPerMinute"] = SlackVersusBolt.UncappedLimit,
            ["CreationLimits:PerWorkspacePerMinute"] = SlackVersusBolt.UncappedLimit,
        };
        if (redis is not null)
        {
            settings["Storage:Provider"] = "redis";
            settings["Storage:ConnectionString"] = redis.ConnectionString;
        }

        // Any type of the host's assembly names it; this program's own top-level Program hides the host's.
        await using var host = new HostFactory<OneTimeBot.Host.Hosting.PublicUrl>(settings, kestrel: true)
        {
            CapturedLevel = Microsoft.Extensions.Logging.LogLevel.Warning,
            TestServices = services => botFramework.TrustIn(services, BotFrameworkTokenValidator.HttpClientName, BotTokenProvider.HttpClientName, ConnectorClient.HttpClientName),
        };
        // Where the factory points the host's SQLite file.
        var file = Path.Combine(host.DataDirectory, "onetimebot.db");
        if (prefill > 0)
        {
            Console.WriteLine($"{store}: prefilling the host's store...");
            var records = new PrefillRecords(ChatPlatform.Teams, OneTimeSecretOptions.EmbeddedBackend, new Uri($"http://127.0.0.1:{host.Port}/"));
            var report = redis is null
                ? await SqlitePrefill.RunAsync(host.DataDirectory, new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={file}" }).Build(), file, prefill, records)
                : await RedisPrefill.RunAsync(redis, new StorageOptions().RedisKeyPrefix, prefill, records);
            Console.WriteLine($"{store}: prefilled {report}");
        }

        host.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri($"http://127.0.0.1:{host.Port}/"), Timeout = TimeSpan.FromSeconds(30) };
        // Bot Framework signs one token and reuses it for every request until it nears expiry.
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", botFramework.Token(AppId));

        // What the first users of a new process get, while .NET still compiles the hot code, is a figure of its own;
        // the steady state is measured after the same warm-up as the Slack benchmark's (on two busy cores the
        // background compiler was still at work after 20 s there, and 1,000 invokes take about one second).
        var cold = await RunAsync(http, botFramework, ColdInvokes, concurrency);
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < WarmUp)
        {
            await RunAsync(http, botFramework, ColdInvokes, concurrency);
        }

        var f = await RunAsync(http, botFramework, requests, concurrency);
        var rows = string.Join(Environment.NewLine,
            // Host and load share this process: only the first store's host starts with nothing compiled yet.
            Row(firstInProcess ? $"{store}, first {ColdInvokes:N0} after start" : $"{store}, first {ColdInvokes:N0} of a new host, code compiled", cold, ColdInvokes),
            Row(string.Create(CultureInfo.InvariantCulture, $"{store}, after {WarmUp.TotalSeconds:F0} s of warm-up"), f, requests));
        Console.WriteLine(rows);
        var size = redis is null
            ? string.Create(CultureInfo.InvariantCulture, $"{StateSize.OfSqlite(file)}, {StateSize.ReceiptsIn(file):N0} receipts ({prefill:N0} prefilled)")
            : await StateSize.OfRedisAsync(redis);
        return (rows, $"{store}, the host's state (with its embedded secret service's) at the end, the host running: {size}");
    }

    private const int ColdInvokes = 1000;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "40", CultureInfo.InvariantCulture));

    private static string Row(string label, InvokeFigures f, int requests) => string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {f.PerSecond:F0} | {f.P50.TotalMilliseconds:F1} | {f.P99.TotalMilliseconds:F1} | {f.Max.TotalMilliseconds:F1} | {100.0 * f.Under5s / requests:F0}% ({f.Under5s}/{requests}) | {f.Cards} | {f.Failures} |");

    private sealed record InvokeFigures(double PerSecond, TimeSpan P50, TimeSpan P99, TimeSpan Max, int Under5s, int Cards, int Failures);

    private static async Task<InvokeFigures> RunAsync(HttpClient http, FakeBotFramework botFramework, int requests, int concurrency)
    {
        var latencies = new ConcurrentBag<TimeSpan>();
        var cards = 0;
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            while (Interlocked.Increment(ref next) < requests)
            {
                var body = Invoke(botFramework, worker).ToJsonString();
                var sent = Stopwatch.StartNew();
                try
                {
                    using var response = await http.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                    var text = await response.Content.ReadAsStringAsync();
                    latencies.Add(sent.Elapsed);
                    if (response.IsSuccessStatusCode && text.Contains("\"composeExtension\"", StringComparison.Ordinal) && text.Contains("Action.OpenUrl", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref cards);
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    latencies.Add(sent.Elapsed);
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var elapsed = clock.Elapsed;
        var sorted = latencies.OrderBy(l => l).ToArray();
        return new InvokeFigures(requests / elapsed.TotalSeconds, sorted[sorted.Length / 2], sorted[(int)(sorted.Length * 0.99)], sorted[^1],
            sorted.Count(l => l < TimeSpan.FromSeconds(5)), cards, failures);
    }

    private static JsonObject Invoke(FakeBotFramework botFramework, int worker) => new()
    {
        ["type"] = "invoke",
        ["name"] = "composeExtension/submitAction",
        ["id"] = "f:" + Guid.NewGuid().ToString("N"),
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["serviceUrl"] = botFramework.ServiceUrl,
        ["channelId"] = FakeBotFramework.Channel,
        ["from"] = new JsonObject { ["id"] = $"29:1user{worker}", ["name"] = "Bench", ["aadObjectId"] = $"b0000000-0000-4000-8000-{worker:D12}" },
        ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = TenantId, ["id"] = $"a:1bench{worker}" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + AppId, ["name"] = "OneTimeBot" },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
        ["locale"] = "en-US",
        ["value"] = new JsonObject
        {
            ["commandId"] = "shareSecret",
            ["commandContext"] = "compose",
            ["data"] = new JsonObject { ["secret"] = "bench-teams-secret-" + Guid.NewGuid().ToString("N"), ["ttl"] = "1h", ["passphrase"] = "", ["recipient"] = "", ["action"] = "share" },
        },
    };
}
