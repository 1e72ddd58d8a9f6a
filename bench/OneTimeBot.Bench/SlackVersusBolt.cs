using System.Globalization;
using System.Security.Cryptography;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// OneTimeBot's /slack/commands against a Slack Bolt for JavaScript app doing the same job, same machine, same run,
/// same Onetime Secret backend, with OneTimeBot's state on each chosen store in turn (SQLite as a new install has it,
/// then Redis), prefilled as after months of use: throughput and ack latency at fixed concurrency, then a backend that
/// answers after 4 s.
/// </summary>
internal static class SlackVersusBolt
{
    private const string SigningSecret = "bench-signing-secret-0123456789abcdef";

    /// <summary>A creation limit no benchmark reaches: on, so every command is counted as under the defaults.</summary>
    internal const string UncappedLimit = "1000000000";
    // Five rounds, not three: this machine has slow spells of a minute or so in which every process needs up to a third
    // more CPU per command, and the more rounds there are, the longer a spell must last to decide an app's median.
    private static readonly int Rounds = int.Parse(Environment.GetEnvironmentVariable("BENCH_ROUNDS") ?? "5", CultureInfo.InvariantCulture);

    // Both runtimes compile hot code again once they have watched it run (.NET's tiered PGO, V8's TurboFan), and
    // connection pools and thread pools grow to the load: measure each app in its steady state, not while it warms.
    // On two saturated cores .NET's background compiler gets a small share and was still busy after 20 s (about
    // 30 s of dotnet.jit.compilation.time per the host's counters), so the first concurrency measured compiling code.
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "40", CultureInfo.InvariantCulture));

    public static async Task RunAsync(BenchArguments arguments)
    {
        var host = RepositoryRoot.Combine("src", "OneTimeBot.Host", "bin", "Release", "net10.0", "OneTimeBot.Host.dll");
        if (!File.Exists(host))
        {
            throw new InvalidOperationException("Build the host first: dotnet build -c Release src/OneTimeBot.Host");
        }

        // BENCH_COMPARE_HOST names another build's OneTimeBot.Host.dll to run in Bolt's place: a change's effect,
        // measured in the same interleaved rounds, is far steadier than two runs on a machine whose speed drifts.
        var compareHost = Environment.GetEnvironmentVariable("BENCH_COMPARE_HOST");
        var requests = arguments.Requests;
        Console.WriteLine($"/onetime share: OneTimeBot vs {(compareHost is null ? "Slack Bolt for JavaScript and a bare ASP.NET Core handler" : "a compared build")}, {requests} signed commands per round, {Environment.ProcessorCount} cores, .NET {Environment.Version}, node {NodeVersion()}");
        await using var load = await SlackCommandLoad.StartAsync();
        await using var backend = await SharedBackend.StartAsync(arguments.EmbeddedBackend);
        await using var redis = arguments.Stores.Contains(HostState.Redis) ? await RedisServer.StartAsync() : null;
        Console.WriteLine($"Backend of both apps: {backend.Description}.");
        Console.WriteLine(arguments.Prefill > 0
            ? string.Create(CultureInfo.InvariantCulture, $"OneTimeBot's store is prefilled with {arguments.Prefill:N0} receipts and {arguments.Prefill:N0} replay records before it starts{(compareHost is null ? "" : ", and so is the compared build's")}.")
            : "OneTimeBot's store starts empty.");
        Console.WriteLine();

        var results = new List<StoreFigures>();
        var sizes = new List<(string Store, string Size)>();
        foreach (var store in arguments.Stores)
        {
            sizes.Add((store, await RunOnStoreAsync(store, host, compareHost, backend.BaseUri, redis, load, arguments.Prefill, requests, results)));
        }

        Console.WriteLine();
        Console.WriteLine($"The median of {Rounds} interleaved rounds per app, each round {requests} commands; req/s of the slowest and fastest round in brackets.");
        Console.WriteLine();
        Console.WriteLine("| store | app | concurrency | req/s | p50 ack (ms) | p99 ack (ms) | failures | app CPU per command (ms) | bench CPU per command (ms) | redis-server CPU per command (ms) |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (store, app, concurrency, f, slowest, fastest) in results)
        {
            var storeCpu = f.StoreCpuPerRequest is { } cpu ? cpu.TotalMilliseconds.ToString("F3", CultureInfo.InvariantCulture) : "–";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {store} | {app} | {concurrency} | {f.PerSecond:F0} ({slowest:F0}–{fastest:F0}) | {f.P50.TotalMilliseconds:F1} | {f.P99.TotalMilliseconds:F1} | {f.Failures} | {f.AppCpuPerRequest.TotalMilliseconds:F3} | {f.BenchCpuPerRequest.TotalMilliseconds:F3} | {storeCpu} |"));
        }

        Console.WriteLine();
        foreach (var store in arguments.Stores)
        {
            foreach (var concurrency in Concurrencies)
            {
                // BENCH_ONLY may have left a side out: then there is no ratio to print for it.
                var ours = results.SingleOrDefault(r => r.Store == store && r.App == "OneTimeBot" && r.Concurrency == concurrency);
                var peer = results.SingleOrDefault(r => r.Store == store && r.App is not "OneTimeBot" and not Bare && r.Concurrency == concurrency);
                var ceiling = results.SingleOrDefault(r => r.Store == store && r.App == Bare && r.Concurrency == concurrency);
                foreach (var (app, against) in new[] { (ours, peer), (ceiling, peer), (ours, ceiling) })
                {
                    if (app is not null && against is not null)
                    {
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{store}, concurrency {concurrency}: {app.App} / {against.App} throughput {app.Figures.PerSecond / against.Figures.PerSecond:F2}x, p99 {app.Figures.P99.TotalMilliseconds:F1} ms vs {against.Figures.P99.TotalMilliseconds:F1} ms"));
                    }
                }
            }
        }

        Console.WriteLine();
        foreach (var (store, size) in sizes)
        {
            Console.WriteLine($"{store}, OneTimeBot's state after the run: {size}");
        }

        Console.WriteLine();
        // The slow-backend check sets both apps side by side, so a run narrowed by BENCH_ONLY leaves it out.
        if (compareHost is null && Environment.GetEnvironmentVariable("BENCH_ONLY") is null)
        {
            await SlowBackendAsync(host, load, arguments.Stores[0], redis);
        }
    }

    private sealed record StoreFigures(string Store, string App, int Concurrency, LoadFigures Figures, double Slowest, double Fastest);

    // BENCH_CONCURRENCY=64 measures one of the two, for a profile or an A/B of a change that matters at one of them.
    private static readonly int[] Concurrencies = Environment.GetEnvironmentVariable("BENCH_CONCURRENCY") is { Length: > 0 } only
        ? [int.Parse(only, CultureInfo.InvariantCulture)]
        : [16, 64];

    // The ceiling the issue names: the same job on bare ASP.NET Core, keeping nothing (BareSlackApp).
    private const string Bare = "Bare ASP.NET Core";

    /// <summary>Both apps on one of OneTimeBot's stores, warmed up and measured in turns at each concurrency; returns the state's size after.</summary>
    private static async Task<string> RunOnStoreAsync(string store, string host, string? compareHost, Uri backend, RedisServer? redis, SlackCommandLoad load, int prefill, int requests, List<StoreFigures> results)
    {
        var only = Environment.GetEnvironmentVariable("BENCH_ONLY");
        bool Selected(string app) => only is null || app.StartsWith(only, StringComparison.Ordinal);
        await using var state = await HostState.CreateAsync(store, host, redis, "bench-onetimebot:");
        if (prefill > 0 && Selected("OneTimeBot"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: prefilling OneTimeBot's store..."));
            Console.WriteLine($"{store}: prefilled {await state.PrefillAsync(prefill, new PrefillRecords(ChatPlatform.Slack, backend.ToString(), backend))}");
        }

        await using var peerState = compareHost is null ? null : await HostState.CreateAsync(store, compareHost, redis, "bench-compared:");
        if (peerState is not null && prefill > 0)
        {
            // Two builds compared must start from equal stores, or the comparison measures the fill, not the build.
            Console.WriteLine($"{store}: prefilled the compared build's store: {await peerState.PrefillAsync(prefill, new PrefillRecords(ChatPlatform.Slack, backend.ToString(), backend))}");
        }

        await using (var bot = await StartOneTimeBotAsync(host, state, backend, load.ReceiverBase))
        // A peer left out by BENCH_ONLY is not started: a OneTimeBot-only run must not need node or Bolt's packages.
        await using (var peer = peerState is not null ? await StartOneTimeBotAsync(compareHost!, peerState, backend, load.ReceiverBase, "BENCH_COMPARE_")
            : Selected("Bolt (JS)") ? await StartBoltAsync(backend) : null)
        await using (var bare = peerState is null && Selected(Bare) ? await StartBareAsync(backend) : null)
        {
            var apps = new[] { ("OneTimeBot", bot, state.Server), (peerState is null ? "Bolt (JS)" : "Compared build", peer, peerState?.Server), (Bare, bare, null) }
                .Where(a => a.Item2 is not null && Selected(a.Item1))
                .Select(a => (a.Item1, a.Item2!, a.Item3)).ToArray();
            foreach (var concurrency in Concurrencies)
            {
                foreach (var (name, app, _) in apps)
                {
                    Console.WriteLine($"{store}: warming up {name} at {concurrency} concurrent for {WarmUp.TotalSeconds:F0} s");
                    await load.WarmUpAsync(Url(name, app.Port), app.Process, SigningSecret, concurrency, WarmUp);
                }

                // Rounds take turns, so a spell of noise on a shared machine falls on both apps alike.
                var rounds = apps.ToDictionary(a => a.Item1, _ => new List<LoadFigures>());
                for (var round = 0; round < Rounds; round++)
                {
                    foreach (var (name, app, server) in apps)
                    {
                        var figures = await load.RunAsync(Url(name, app.Port), app.Process, server, SigningSecret, requests, concurrency, TimeSpan.Zero);
                        rounds[name].Add(figures);
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: {name}, {concurrency} concurrent, round {round + 1}: {figures.PerSecond:F0} req/s, p99 {figures.P99.TotalMilliseconds:F1} ms"));
                    }
                }

                foreach (var (name, figures) in rounds)
                {
                    var byThroughput = figures.OrderBy(f => f.PerSecond).ToArray();
                    results.Add(new StoreFigures(store, name, concurrency, byThroughput[byThroughput.Length / 2], byThroughput[0].PerSecond, byThroughput[^1].PerSecond));
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store}: users.info calls so far: {load.UserInfoCalls} (for {SlackCommandLoad.Users} people)"));
        return await state.DescribeAsync();
    }

    private static async Task SlowBackendAsync(string host, SlackCommandLoad load, string store, RedisServer? redis)
    {
        await using var slow = await FakeOnetimeSecretServer.StartAsync();
        slow.On("POST", "/api/v1/share", FakeResponse.Json(OtsAnswers.Receipt("new", DateTimeOffset.UtcNow, 3600)).After(TimeSpan.FromSeconds(4)));
        const int Requests = 64;
        Console.WriteLine($"Backend answering after 4 s: {Requests} commands, 16 concurrent, OneTimeBot on {store} (not prefilled)");
        Console.WriteLine("| app | acked under 3 s | deferred | cards delivered via response_url | p99 ack (ms) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        await using var state = await HostState.CreateAsync(store, host, redis, "bench-slow-backend:");
        await using (var bot = await StartOneTimeBotAsync(host, state, slow.BaseUri, load.ReceiverBase))
        await using (var bolt = await StartBoltAsync(slow.BaseUri))
        {
            foreach (var (name, app) in new[] { ("OneTimeBot", bot), ("Bolt (JS)", bolt) })
            {
                var f = await load.RunAsync(Url(name, app.Port), app.Process, null, SigningSecret, Requests, 16, TimeSpan.FromSeconds(30));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {100.0 * f.AckedUnder3s / f.Requests:F0}% ({f.AckedUnder3s}/{f.Requests}) | {f.Deferred} | {100.0 * f.CardsDelivered / Math.Max(1, f.Deferred):F0}% ({f.CardsDelivered}/{f.Deferred}) | {f.P99.TotalMilliseconds:F0} |"));
            }
        }
    }

    private static Uri Url(string app, int port) => new($"http://127.0.0.1:{port}/" + (app.StartsWith("Bolt", StringComparison.Ordinal) ? "slack/events" : "slack/commands"));

    private static Task<ChildProcess> StartOneTimeBotAsync(string host, HostState state, Uri backend, string responseUrls, string settingsPrefix = "BENCH_HOST_")
    {
        var port = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            // appsettings.json's logging as a new install has it (Information, JSON to the console, which the benchmark
            // reads as a log collector would): a line per command is part of what an operator's host does.
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["SecretServer__EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["OneTimeSecret__Backend"] = backend.ToString(),
            ["OneTimeSecret__Username"] = EmbeddedSecretServer.Username,
            ["OneTimeSecret__ApiToken"] = EmbeddedSecretServer.Token,
            ["Slack__SigningSecret"] = SigningSecret,
            ["Slack__BotToken"] = "xoxb-bench-not-used",
            // The benchmark's response_url receiver stands in for hooks.slack.com; a listed loopback host may be plain http.
            ["Slack__ResponseUrlHosts__0"] = new Uri(responseUrls).Authority,
            // The same receiver answers users.info, where OneTimeBot asks each person's language once an hour.
            ["Slack__ApiBaseUrl"] = new Uri(new Uri(responseUrls), "/api/").ToString(),
            ["Teams__Enabled"] = "false",
            // A few hundred users sending thousands a minute would be refused by the default limits; limits far above
            // the load still count every command, as the defaults do, where limits of 0 would switch the counting off.
            ["CreationLimits__PerUserPerMinute"] = UncappedLimit,
            ["CreationLimits__PerWorkspacePerMinute"] = UncappedLimit,
        };
        foreach (var (key, value) in state.Environment)
        {
            environment[key] = value;
        }

        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => k.StartsWith(settingsPrefix, StringComparison.Ordinal) && k != "BENCH_COMPARE_HOST"))
        {
            environment[key[settingsPrefix.Length..]] = Environment.GetEnvironmentVariable(key)!;
        }

        return ChildProcess.StartAsync("dotnet", [host, "--urls", $"http://127.0.0.1:{port}"], environment, port, state.WorkingDirectory);
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

    private static Task<ChildProcess> StartBareAsync(Uri backend)
    {
        var port = FreePort.Next();
        // This program again, as a process of its own; run through `dotnet <dll>`, the dll is the argument.
        var self = Environment.ProcessPath!;
        string[] arguments = Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? [typeof(BareSlackApp).Assembly.Location, BareSlackApp.Argument]
            : [BareSlackApp.Argument];
        return ChildProcess.StartAsync(self, arguments, new Dictionary<string, string>
        {
            ["PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["SLACK_SIGNING_SECRET"] = SigningSecret,
            ["OTS_BASE_URL"] = backend.ToString(),
            ["OTS_USER"] = EmbeddedSecretServer.Username,
            ["OTS_TOKEN"] = EmbeddedSecretServer.Token,
            ["DOTNET_ENVIRONMENT"] = "Production",
            // BENCH_BARE_SQLITE names a file for the bare handler's least durable store (BareSlackApp); unset, it keeps none.
            ["BARE_SQLITE"] = Environment.GetEnvironmentVariable("BENCH_BARE_SQLITE") ?? "",
        }, port, AppContext.BaseDirectory);
    }

    private static string NodeVersion()
    {
        using var node = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("node", "--version") { RedirectStandardOutput = true })!;
        return node.StandardOutput.ReadToEnd().Trim();
    }
}
