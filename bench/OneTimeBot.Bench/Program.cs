using System.Diagnostics;
using System.Globalization;
using OneTimeBot.Bench;
using OneTimeBot.Testing;

// Embedded secret service: share+reveal pairs per second on SQLite and on Redis.
// Usage: dotnet run -c Release --project bench/OneTimeBot.Bench -- [pairs=5000] [concurrency=16]
// Slack commands, OneTimeBot vs a Bolt for JavaScript app, per store: ... -- slack [requests per round=5000]
//   [--store sqlite|redis|both] [--backend standin|embedded] [--prefill N=1000000] (bench/README.md)
// Teams message extension invokes at 64 concurrent: ... -- teams [invokes=5000] [--store sqlite|redis|both] [--prefill N=1000000]
// The host's memory over 100,000 secret-service requests: ... -- memory [requests=100000]
// Where a command's time goes in the store, SQLite and Redis: ... -- store [commands per run=5000] [--prefill 1000000]
// Redis memory per 1,000 live shares, measured through the real host: ... -- redis-size [shares=10000] [secret length=32]
// The bare ASP.NET Core peer of the Slack benchmark, which starts it as a process of its own (BareSlackApp).
if (args.Length > 0 && args[0] == BareSlackApp.Argument)
{
    await BareSlackApp.RunAsync();
    return;
}

if (args.Length > 0 && args[0] is "slack" or "teams")
{
    BenchArguments arguments;
    try
    {
        arguments = BenchArguments.Parse(args[1..], 5000, backendChoice: args[0] == "slack");
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Environment.ExitCode = 2;
        return;
    }

    await (args[0] == "slack" ? SlackVersusBolt.RunAsync(arguments) : TeamsInvokeLatency.RunAsync(arguments, 64));
    return;
}

if (args.Length > 0 && args[0] == "memory")
{
    await ServiceMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100_000, 16);
    return;
}

if (args.Length > 0 && args[0] == "redis-size")
{
    await RedisSizing.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32);
    return;
}

if (args.Length > 0 && args[0] == "store")
{
    await StoreBench.RunAsync(args[1..]);
    return;
}

var pairs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5000;
var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 16;

Console.WriteLine($"OneTimeBot embedded secret service: {pairs} share+reveal pairs over HTTP, {concurrency} concurrent, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine();
Console.WriteLine("| store  | pairs/s | p50 pair (ms) | p99 pair (ms) | working set (MiB) |");
Console.WriteLine("|--------|--------:|--------------:|--------------:|------------------:|");

var results = new Dictionary<string, PairFigures>();
await using (var sqlite = await EmbeddedSecretServer.StartAsync(null))
{
    results["sqlite"] = await SharePairs.RunAsync(sqlite.BaseUri, pairs, concurrency);
    Print("sqlite", results["sqlite"]);
}

await using (var redis = await RedisServer.StartAsync())
await using (var server = await EmbeddedSecretServer.StartAsync(redis.ConnectionString))
{
    results["redis"] = await SharePairs.RunAsync(server.BaseUri, pairs, concurrency);
    Print("redis", results["redis"]);
}

Console.WriteLine();
Console.WriteLine($"redis / sqlite throughput: {results["redis"].PairsPerSecond / results["sqlite"].PairsPerSecond:F2}x");

static void Print(string store, PairFigures f) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {store,-6} | {f.PairsPerSecond,7:F0} | {f.P50.TotalMilliseconds,13:F2} | {f.P99.TotalMilliseconds,13:F2} | {Process.GetCurrentProcess().WorkingSet64 / 1048576.0,17:F0} |"));
