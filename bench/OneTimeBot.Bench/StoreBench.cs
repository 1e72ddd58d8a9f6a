using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// Where a command's time goes in the store (bench/README.md, "Store: where a command's time goes"): the store work of
/// one <c>/onetime share</c> through the production stores on SQLite and Redis, fresh and filled (A); the same while
/// expired rows are purged (B); and the pieces SQLite's share is made of, timed alone (C).
/// </summary>
internal static class StoreBench
{
    private const int ExpiredRows = 500_000;
    private const int PurgeWorkers = 16;
    private const int GateWrites = 5000;
    private static readonly int[] Workers = [1, 16, 64];

    /// <summary>Arguments: [commands per run=5000] [--prefill rows of each kind=1000000].</summary>
    public static async Task RunAsync(string[] args)
    {
        var commands = 5000;
        var prefill = 1_000_000;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--prefill" && i + 1 < args.Length)
            {
                prefill = int.Parse(args[++i], CultureInfo.InvariantCulture);
            }
            else
            {
                commands = int.Parse(args[i], CultureInfo.InvariantCulture);
            }
        }

        var total = Stopwatch.StartNew();
        await using var redis = await RedisServer.StartAsync();
        Console.WriteLine(Invariant($"Store work of /onetime share: {commands} commands per run after {Warmup(commands)} to warm up, filled stores with {prefill:N0} receipts and {prefill:N0} replay records"));
        Console.WriteLine(Invariant($"{Environment.ProcessorCount} cores, .NET {Environment.Version}, SQLite {SqliteVersion()}, Redis {await RedisVersionAsync(redis)}, {LoadAverage()}"));

        await using var sqliteFull = await StoreUnderTest.SqliteAsync();
        await using var redisFull = await StoreUnderTest.RedisAsync(redis, "full:");
        var sqliteFill = await sqliteFull.FillAsync(prefill);
        var redisFill = await redisFull.FillAsync(prefill);
        Console.WriteLine(Invariant($"Filled the SQLite file in {sqliteFill.TotalSeconds:F1} s ({new FileInfo(sqliteFull.SqliteFile!).Length / 1048576.0:F0} MiB), Redis in {redisFill.TotalSeconds:F1} s"));

        var section = Stopwatch.StartNew();
        Console.WriteLine();
        Console.WriteLine("A. Store work per command: claim the request's signature, read the workspace's settings, [count the creation for the user and the workspace,] save the sealed receipt and track the link, together");
        Console.WriteLine("   Cells: p50 / p99 / max in ms. \"fresh\": a new file or key prefix per run; \"filled\": the filled store (it keeps what each run adds).");
        Console.WriteLine();
        Console.WriteLine("| store | fill | creation limits | workers | commands/s | command | claim | settings | count user | count workspace | receipt + track | process CPU / command (ms) | redis-server CPU / command (ms) |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var limits in new[] { false, true })
        {
            foreach (var workers in Workers)
            {
                await using var fresh = await StoreUnderTest.SqliteAsync();
                await RunCommandsAsync(fresh, "fresh", limits, workers, commands);
            }
        }

        foreach (var limits in new[] { false, true })
        {
            foreach (var workers in Workers)
            {
                await RunCommandsAsync(sqliteFull, "filled", limits, workers, commands);
            }
        }

        foreach (var limits in new[] { false, true })
        {
            foreach (var workers in Workers)
            {
                await using var fresh = await StoreUnderTest.RedisAsync(redis, $"fresh-{Guid.NewGuid():N}:");
                await RunCommandsAsync(fresh, "fresh", limits, workers, commands);
            }
        }

        foreach (var limits in new[] { false, true })
        {
            foreach (var workers in Workers)
            {
                await RunCommandsAsync(redisFull, "filled", limits, workers, commands);
            }
        }

        Console.WriteLine(Invariant($"(A took {section.Elapsed.TotalSeconds:F0} s)"));

        section.Restart();
        Console.WriteLine();
        Console.WriteLine(Invariant($"B. The same commands ({PurgeWorkers} workers, no creation limits) on the filled stores while {ExpiredRows:N0} expired rows (half receipts, half replay records) are deleted"));
        Console.WriteLine("   SQLite: the host's StateCleaner, started as the host starts it. Redis: its own expiry, every key expiring at one instant, watched for 10 s at most.");
        Console.WriteLine();
        Console.WriteLine("| store | phase | commands/s | p50 / p99 / max (ms) | commands |");
        Console.WriteLine("|---|---|---:|---:|---:|");
        var purges = new[]
        {
            await StorePurgeLoad.SqliteAsync(sqliteFull, ExpiredRows, PurgeWorkers),
            await StorePurgeLoad.RedisAsync(redisFull, ExpiredRows, PurgeWorkers),
        };
        foreach (var p in purges)
        {
            foreach (var (phase, f) in new[] { ("before", p.Before), ("during the purge", p.During), ("after", p.After) })
            {
                Console.WriteLine(Invariant($"| {p.Store} | {phase} | {f.CommandsPerSecond:F0} | {f.Latencies.Cell} | {f.Latencies.Count} |"));
            }
        }

        foreach (var p in purges)
        {
            Console.WriteLine(Invariant($"{p.Store}: expired rows written in {p.Filled.TotalSeconds:F1} s; the purge deleted {p.Deleted:N0} of {ExpiredRows:N0} in {p.PurgeTook.TotalSeconds:F2} s"));
        }

        Console.WriteLine(Invariant($"(B took {section.Elapsed.TotalSeconds:F0} s)"));

        section.Restart();
        Console.WriteLine();
        Console.WriteLine(Invariant($"C. SQLite's building blocks on raw Microsoft.Data.Sqlite, one thread, µs per operation of the wall clock and of the thread's CPU time (medians of {StoreBuildingBlocks.Batches} batches of about {StoreBuildingBlocks.BatchLength.TotalMilliseconds:F0} ms)"));
        Console.WriteLine("   \"fresh\": a new file, holding only the few thousand rows these blocks insert; \"filled\": the filled file after A and B. Each block runs on one, then the other.");
        Console.WriteLine($"   The per-open PRAGMAs, which SqliteDatabase ran on every connection it opened before issue 17: {StoreBuildingBlocks.PerOpenPragmas}");
        Console.WriteLine();
        await using (var fresh = await StoreUnderTest.SqliteAsync())
        {
            Console.WriteLine("| building block | fresh file: wall (µs) | CPU (µs) | filled file: wall (µs) | CPU (µs) |");
            Console.WriteLine("|---|---:|---:|---:|---:|");
            using (var onFresh = new StoreBuildingBlocks(fresh))
            using (var onFull = new StoreBuildingBlocks(sqliteFull))
            {
                for (var i = 0; i < onFresh.Blocks.Count; i++)
                {
                    var (freshWall, freshCpu) = onFresh.Blocks[i].Measure();
                    var (fullWall, fullCpu) = onFull.Blocks[i].Measure();
                    Console.WriteLine(Invariant($"| {onFresh.Blocks[i].Name} | {freshWall:F1} | {freshCpu:F1} | {fullWall:F1} | {fullCpu:F1} |"));
                }
            }

            Console.WriteLine();
            Console.WriteLine(Invariant($"Writes through this build's SqliteDatabase (the replay record's INSERT via WriteAsync, {GateWrites} writes after {GateWrites / 10} to warm up), timed around the engine's work:"));
            Console.WriteLine();
            Console.WriteLine(StoreWriteGate.Header);
            foreach (var (name, store) in new[] { ("fresh", fresh), ("filled", sqliteFull) })
            {
                foreach (var writers in new[] { 1, 16 })
                {
                    await StoreWriteGate.MeasureAsync(store, GateWrites / 10, writers);
                    Console.WriteLine(StoreWriteGate.Row(name, await StoreWriteGate.MeasureAsync(store, GateWrites, writers)));
                }
            }
        }

        Console.WriteLine(Invariant($"(C took {section.Elapsed.TotalSeconds:F0} s)"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"Whole run: {total.Elapsed.TotalSeconds:F0} s, {LoadAverage()}"));
    }

    private static async Task RunCommandsAsync(StoreUnderTest store, string fill, bool limits, int workers, int commands)
    {
        var command = new StoreShareCommand(store, limits);
        await StoreCommandLoad.RunAsync(store, command, Warmup(commands), workers);
        var f = await StoreCommandLoad.RunAsync(store, command, commands, workers);
        var serverCpu = store.Name == "redis" ? StoreLatencies.Format(f.ServerCpuPerCommand.TotalMilliseconds) : "–";
        Console.WriteLine(Invariant(
            $"| {store.Name} | {fill} | {(limits ? "on" : "off")} | {workers} | {f.CommandsPerSecond:F0} | {f.Command.Cell} | {f.Step("claim").Cell} | {f.Step("settings").Cell} | {f.Step("count user").Cell} | {f.Step("count workspace").Cell} | {f.Step("receipt + track").Cell} | {StoreLatencies.Format(f.ProcessCpuPerCommand.TotalMilliseconds)} | {serverCpu} |"));
    }

    private static int Warmup(int commands) => Math.Min(1000, Math.Max(100, commands / 5));

    private static string SqliteVersion()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        return connection.ServerVersion;
    }

    private static async Task<string> RedisVersionAsync(RedisServer redis) =>
        (await redis.CommandAsync("INFO", "server")).Split("\r\n").FirstOrDefault(l => l.StartsWith("redis_version:", StringComparison.Ordinal))?["redis_version:".Length..] ?? "?";

    /// <summary>What else the machine was doing: its load average over 1, 5 and 15 minutes, where the system says.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
