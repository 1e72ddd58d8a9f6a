using System.Globalization;
using System.Security.Cryptography;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// OneTimeBot's /slack/commands against a Slack Bolt for JavaScript app doing the same job, same machine, same run,
/// same Onetime Secret backend: throughput and ack latency at fixed concurrency, then a backend that answers after 4 s.
/// </summary>
internal static class SlackVersusBolt
{
    private const string SigningSecret = "bench-signing-secret-0123456789abcdef";
    // Five rounds, not three: this machine has slow spells of a minute or so in which every process needs up to a third
    // more CPU per command, and the more rounds there are, the longer a spell must last to decide an app's median.
    private static readonly int Rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "5", CultureInfo.InvariantCulture);

    // Both runtimes compile hot code again once they have watched it run (.NET's tiered PGO, V8's TurboFan), and
    // connection pools and thread pools grow to the load: measure each app in its steady state, not while it warms.
    // On two saturated cores .NET's background compiler gets a small share and was still busy after 20 s (about
    // 30 s of dotnet.jit.compilation.time per the host's counters), so the first concurrency measured compiling code.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "40", CultureInfo.InvariantCulture));

    public static async Task RunAsync(int requests)
    {
        var host = RepositoryRoot.Combine("src", "OneTimeBot.Host", "bin", "Release", "net10.0", "OneTimeBot.Host.dll");
        if (!File.Exists(host))
        {
            throw new InvalidOperationException("Build the host first: dotnet build -c Release src/OneTimeBot.Host");
        }

        Console.WriteLine($"/onetime share: OneTimeBot vs Slack Bolt for JavaScript, {requests} signed commands per run, {Environment.ProcessorCount} cores, .NET {Environment.Version}, node {NodeVersion()}");
        Console.WriteLine();
        await using var redis = await RedisServer.StartAsync();
        await using var backend = await EmbeddedSecretServer.StartAsync(redis.ConnectionString);
        await using var load = await SlackCommandLoad.StartAsync();

        var results = new List<(string App, int Concurrency, LoadFigures Figures, double Slowest, double Fastest)>();
        // BENCH_COMPARE_HOST names another build's OneTimeBot.Host.dll to run in Bolt's place: a change's effect,
        // measured in the same interleaved rounds, is far steadier than two runs on a machine whose speed drifts.
        var compareHost = Environment.GetEnvironmentVariable("BENCH_COMPARE_HOST");
        await using (var bot = await StartOneTimeBotAsync(host, backend.BaseUri, redis.ConnectionString, load.ReceiverBase))
        await using (var peer = compareHost is null ? await StartBoltAsync(backend.BaseUri) : await StartOneTimeBotAsync(compareHost, backend.BaseUri, redis.ConnectionString, load.ReceiverBase, "BENCH_COMPARE_"))
        {
            var apps = new[] { ("OneTimeBot", bot), (compareHost is null ? "Bolt (JS)" : "Compared build", peer) }
                .Where(a => Environment.GetEnvironmentVariable("BENCH_ONLY") is not { } only || a.Item1.StartsWith(only, StringComparison.Ordinal)).ToArray();
            foreach (var concurrency in new[] { 16, 64 })
            {
                foreach (var (name, app) in apps)
                {
                    await load.WarmUpAsync(Url(name, app.Port), app.Process, SigningSecret, concurrency, WarmUp);
                }

                // Rounds take turns, so a spell of noise on a shared machine falls on both apps alike.
                var rounds = apps.ToDictionary(a => a.Item1, _ => new List<LoadFigures>());
                for (var round = 0; round < Rounds; round++)
                {
                    foreach (var (name, app) in apps)
                    {
                        rounds[name].Add(await load.RunAsync(Url(name, app.Port), app.Process, SigningSecret, requests, concurrency, TimeSpan.Zero));
                    }
                }

                foreach (var (name, figures) in rounds)
                {
                    var byThroughput = figures.OrderBy(f => f.PerSecond).ToArray();
                    results.Add((name, concurrency, byThroughput[byThroughput.Length / 2], byThroughput[0].PerSecond, byThroughput[^1].PerSecond));
                }
            }
        }

        Console.WriteLine($"The median of {Rounds} interleaved rounds per app, each round {requests} commands; req/s of the slowest and fastest round in brackets.");
        Console.WriteLine();
        Console.WriteLine("| app | concurrency | req/s | p50 ack (ms) | p99 ack (ms) | failures | app CPU per command (ms) | bench CPU per command (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (app, concurrency, f, slowest, fastest) in results)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {app} | {concurrency} | {f.PerSecond:F0} ({slowest:F0}–{fastest:F0}) | {f.P50.TotalMilliseconds:F1} | {f.P99.TotalMilliseconds:F1} | {f.Failures} | {f.AppCpuPerRequest.TotalMilliseconds:F3} | {f.BenchCpuPerRequest.TotalMilliseconds:F3} |"));
        }

        Console.WriteLine();
        foreach (var concurrency in new[] { 16, 64 })
        {
            // BENCH_ONLY may have left one side out: then there is no ratio to print.
            var ours = results.SingleOrDefault(r => r.App == "OneTimeBot" && r.Concurrency == concurrency).Figures;
            var (peerName, peer) = results.Where(r => r.App != "OneTimeBot" && r.Concurrency == concurrency).Select(r => (r.App, r.Figures)).SingleOrDefault();
            if (ours is null || peer is null)
            {
                continue;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"concurrency {concurrency}: OneTimeBot / {peerName} throughput {ours.PerSecond / peer.PerSecond:F2}x, p99 {ours.P99.TotalMilliseconds:F1} ms vs {peer.P99.TotalMilliseconds:F1} ms"));
        }

        Console.WriteLine();
        if (compareHost is null)
        {
            await SlowBackendAsync(host, load, redis.ConnectionString);
        }
    }

    private static async Task SlowBackendAsync(string host, SlackCommandLoad load, string redis)
    {
        await using var slow = await FakeOnetimeSecretServer.StartAsync();
        slow.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)).After(TimeSpan.FromSeconds(4)));
        const int Requests = 64;
        Console.WriteLine($"Backend answering after 4 s: {Requests} commands, 16 concurrent");
        Console.WriteLine("| app | acked under 3 s | deferred | cards delivered via response_url | p99 ack (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await using (var bot = await StartOneTimeBotAsync(host, slow.BaseUri, redis, load.ReceiverBase))
        await using (var bolt = await StartBoltAsync(slow.BaseUri))
        {
            foreach (var (name, app) in new[] { ("OneTimeBot", bot), ("Bolt (JS)", bolt) })
            {
                var f = await load.RunAsync(Url(name, app.Port), app.Process, SigningSecret, Requests, 16, TimeSpan.FromSeconds(30));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {100.0 * f.AckedUnder3s / f.Requests:F0}% ({f.AckedUnder3s}/{f.Requests}) | {f.Deferred} | {100.0 * f.CardsDelivered / Math.Max(1, f.Deferred):F0}% ({f.CardsDelivered}/{f.Deferred}) | {f.P99.TotalMilliseconds:F0} |"));
            }
        }
    }

    private static Uri Url(string app, int port) => new($"http://127.0.0.1:{port}/" + (app.StartsWith("Bolt", StringComparison.Ordinal) ? "slack/events" : "slack/commands"));

    private static Task<ChildProcess> StartOneTimeBotAsync(string host, Uri backend, string redis, string responseUrls, string settingsPrefix = "BENCH_HOST_")
    {
        var port = FreePort.Next();
        var data = Directory.CreateTempSubdirectory("onetimebot-bench-host-").FullName;
        return ChildProcess.StartAsync("dotnet", [host, "--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Storage__Provider"] = "redis",
            ["Storage__ConnectionString"] = redis,
            ["Storage__RedisKeyPrefix"] = $"bench-{port}:",
            ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["OneTimeSecret__Backend"] = backend.ToString(),
            ["OneTimeSecret__Username"] = EmbeddedSecretServer.Username,
            ["OneTimeSecret__ApiToken"] = EmbeddedSecretServer.Token,
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = "xoxb-bench-not-used",
            // The benchmark's response_url receiver stands in for hooks.slack.com; a listed loopback host may be plain http.
            ["Slack__ResponseUrlHosts__0"] = new Uri(responseUrls).Authority,
            ["Teams__Enabled"] = "false",
            ["CreationLimits__PerUserPerMinute"] = "0",
            ["CreationLimits__PerWorkspacePerMinute"] = "0",
        }.Concat(Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith(settingsPrefix, StringComparison.Ordinal) && k != "BENCH_COMPARE_HOST")
            .Select(k => KeyValuePair.Create(k[settingsPrefix.Length..], Environment.GetEnvironmentVariable(k)!))).ToDictionary(), port, data);
    }

    private static Task<ChildProcess> StartBoltAsync(Uri backend)
    {
        var port = FreePort.Next();
        return ChildProcess.StartAsync("node", ["app.js"], new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["SLACK_SIGNING_SECRET"] = SigningSecret,
            ["OTS_BASE_URL"] = backend.ToString(),
            ["OTS_USER"] = EmbeddedSecretServer.Username,
            ["OTS_TOKEN"] = EmbeddedSecretServer.Token,
        }, port, RepositoryRoot.Combine("bench", "bolt"));
    }

    private static string NodeVersion()
    {
        using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        return node.StandardOutput.ReadToEnd().Trim();
    }
}
