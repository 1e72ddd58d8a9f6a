using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// Where one OneTimeBot host process of the Slack benchmark keeps its state, made before the host starts: a fresh
/// working directory with a copy of the build's appsettings.json beside nothing else, as a deployed host has it, and
/// on SQLite no storage setting at all, so the host opens its default <c>Data Source=./data/onetimebot.db</c> under
/// its content root, which for <c>dotnet OneTimeBot.Host.dll</c> is the working directory; on Redis the provider, the
/// server and a key prefix of its own.
/// </summary>
internal sealed class HostState : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Redis = "redis";

    private readonly RedisServer? _redis;
    private int _prefilled;

    private HostState(string store, string workingDirectory, RedisServer? redis, string keyPrefix, Process? server)
    {
        Store = store;
        WorkingDirectory = workingDirectory;
        _redis = redis;
        KeyPrefix = keyPrefix;
        Server = server;
        Environment = store == Sqlite
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>
            {
                ["Storage__Provider"] = "redis",
                ["Storage__ConnectionString"] = redis!.ConnectionString,
                ["Storage__RedisKeyPrefix"] = keyPrefix,
            };
    }

    public string Store { get; }

    public string WorkingDirectory { get; }

    /// <summary>The host's storage settings, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    public string KeyPrefix { get; }

    /// <summary>The store's own process when it has one (redis-server), whose CPU the commands cost too.</summary>
    public Process? Server { get; }

    /// <summary>Where the default SQLite file is when the host resolves it against its working directory.</summary>
    public string SqliteFile => Path.Combine(WorkingDirectory, "data", "onetimebot.db");

    public static async Task<HostState> CreateAsync(string store, string hostDll, RedisServer? redis, string keyPrefix)
    {
        var directory = Directory.CreateTempSubdirectory("onetimebot-bench-host-").FullName;
        var settings = Path.Combine(Path.GetDirectoryName(hostDll)!, "appsettings.json");
        if (File.Exists(settings))
        {
            File.Copy(settings, Path.Combine(directory, "appsettings.json"));
        }

        if (store == Sqlite)
        {
            return new HostState(store, directory, null, keyPrefix, null);
        }

        ArgumentNullException.ThrowIfNull(redis);
        var pid = int.Parse(await StateSize.InfoFieldAsync(redis, "server", "process_id"), CultureInfo.InvariantCulture);
        return new HostState(store, directory, redis, keyPrefix, Process.GetProcessById(pid));
    }

    public async Task<PrefillReport> PrefillAsync(int count, PrefillRecords records)
    {
        _prefilled = count;
        return Store == Sqlite
            ? await SqlitePrefill.RunAsync(WorkingDirectory, new ConfigurationBuilder().AddJsonFile(Path.Combine(WorkingDirectory, "appsettings.json"), optional: true).Build(), SqliteFile, count, records)
            : await RedisPrefill.RunAsync(_redis!, KeyPrefix, count, records);
    }

    /// <summary>
    /// The state's size once the host has stopped; on SQLite also how many receipts the file holds, which shows that the
    /// host wrote to the file the benchmark prefilled.
    /// </summary>
    public async Task<string> DescribeAsync()
    {
        if (Store == Redis)
        {
            return await StateSize.OfRedisAsync(_redis!) + ", " + (await _redis!.CommandAsync("DBSIZE")).Trim().TrimStart(':') + " keys";
        }

        if (!File.Exists(SqliteFile))
        {
            return $"WARNING: no SQLite file at {SqliteFile}: the host kept its state somewhere else";
        }

        var size = StateSize.OfSqlite(SqliteFile);
        var receipts = StateSize.ReceiptsIn(SqliteFile);

        return receipts > _prefilled
            ? string.Create(CultureInfo.InvariantCulture, $"{size}, {receipts:N0} receipts ({_prefilled:N0} prefilled)")
            : string.Create(CultureInfo.InvariantCulture, $"{size}; WARNING: {receipts:N0} receipts, no more than the {_prefilled:N0} prefilled: the host did not write to this file");
    }

    public ValueTask DisposeAsync()
    {
        Server?.Dispose();
        try
        {
            Directory.Delete(WorkingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A host that is still closing its files leaves a temporary folder behind; the system cleans those.
        }

        return ValueTask.CompletedTask;
    }
}
