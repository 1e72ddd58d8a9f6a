using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.RateLimits;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;

namespace OneTimeBot.Bench;

/// <summary>
/// The bot's state as the host wires it (<c>AddOneTimeBotState</c> with the default settings), on a SQLite file in a
/// folder of its own or on a Redis under a key prefix of its own, with one workspace whose settings are saved.
/// </summary>
internal sealed class StoreUnderTest : IAsyncDisposable
{
    public static readonly WorkspaceId Workspace = new(ChatPlatform.Slack, "T0BENCH0001");

    private readonly ServiceProvider _services;
    private readonly RedisServer? _redis;

    private StoreUnderTest(ServiceProvider services, RedisServer? redis, string? sqliteFile, string redisKeyPrefix)
    {
        _services = services;
        _redis = redis;
        SqliteFile = sqliteFile;
        RedisKeyPrefix = redisKeyPrefix;
    }

    public string Name => _redis is null ? "sqlite" : "redis";

    /// <summary>The rows a fill puts in, shaped as the Slack share this benchmark drives writes them.</summary>
    public static PrefillRecords Records() => new(ChatPlatform.Slack, StoreShareCommand.Backend, new Uri(StoreShareCommand.Backend));

    /// <summary>
    /// Fills this store straight through its tables or keys: live rows, rows already expired (SQLite), or keys that all
    /// expire at <paramref name="expireAt"/> (Redis); returns how long it took.
    /// </summary>
    public async Task<TimeSpan> FillAsync(int rowsOfEach, bool expired = false, DateTimeOffset? expireAt = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (_redis is null)
        {
            SqlitePrefill.Insert(SqliteFile!, rowsOfEach, Records(), expired);
        }
        else
        {
            await RedisPrefill.SetAsync(_redis.ConnectionString, RedisKeyPrefix, rowsOfEach, Records(), expireAt);
        }

        return clock.Elapsed;
    }

    /// <summary>The SQLite file; null on Redis.</summary>
    public string? SqliteFile { get; }

    public string RedisKeyPrefix { get; }

    public IServiceProvider Services => _services;

    public IEventDeduplicator Events => _services.GetRequiredService<IEventDeduplicator>();

    public IWorkspaceSettingsStore Settings => _services.GetRequiredService<IWorkspaceSettingsStore>();

    public ReceiptVault Receipts => _services.GetRequiredService<ReceiptVault>();

    public IRateCounter Counters => _services.GetRequiredService<IRateCounter>();

    public ITrackedShareStore TrackedShares => _services.GetRequiredService<ITrackedShareStore>();

    public MetadataKeySeal Seal => _services.GetRequiredService<MetadataKeySeal>();

    /// <summary>A fresh SQLite file in a new temporary folder, deleted with the store.</summary>
    public static Task<StoreUnderTest> SqliteAsync()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("onetimebot-storebench-").FullName, "onetimebot.db");
        return StartAsync(new Dictionary<string, string?> { ["Storage:ConnectionString"] = $"Data Source={file}" }, null, file, "onetimebot:");
    }

    /// <summary>The store on <paramref name="redis"/> under <paramref name="keyPrefix"/>.</summary>
    public static Task<StoreUnderTest> RedisAsync(RedisServer redis, string keyPrefix) =>
        StartAsync(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "redis",
            ["Storage:ConnectionString"] = redis.ConnectionString,
            ["Storage:RedisKeyPrefix"] = keyPrefix,
        }, redis, null, keyPrefix);

    /// <summary>CPU time redis-server has used so far; zero on SQLite, whose work is in this process.</summary>
    public async Task<TimeSpan> ServerCpuAsync() => TimeSpan.FromSeconds(await RedisInfoAsync("cpu", "used_cpu_sys", "used_cpu_user"));

    /// <summary>The sum of numeric fields of one section of Redis's <c>INFO</c>; zero on SQLite.</summary>
    public async Task<double> RedisInfoAsync(string section, params string[] fields)
    {
        if (_redis is null)
        {
            return 0;
        }

        var sum = 0.0;
        foreach (var line in (await _redis.CommandAsync("INFO", section)).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && fields.Contains(line[..colon]))
            {
                sum += double.Parse(line[(colon + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return sum;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Path.GetDirectoryName(SqliteFile) is { Length: > 0 } folder)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<StoreUnderTest> StartAsync(Dictionary<string, string?> storage, RedisServer? redis, string? sqliteFile, string keyPrefix)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(storage).Build();
        var keyRingKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment
            {
                EnvironmentName = Environments.Production,
                ContentRootPath = Path.GetDirectoryName(sqliteFile) ?? AppContext.BaseDirectory,
            })
            .AddSingleton<IKeyRingKey>(new FixedKeyRingKey(keyRingKey));
        services.AddOneTimeBotState(configuration);
        var store = new StoreUnderTest(services.BuildServiceProvider(), redis, sqliteFile, keyPrefix);
        await store.SaveWorkspaceSettingsAsync();
        return store;
    }

    /// <summary>Settings as an admin leaves them: the workspace's own backend and account, its token protected with the key ring.</summary>
    private async Task SaveWorkspaceSettingsAsync()
    {
        var token = _services.GetRequiredService<IDataProtectionProvider>().CreateProtector("OneTimeBot.Workspaces.ApiToken.v1")
            .Protect("bench-api-token-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        await Settings.SaveAsync(Workspace, new StoredWorkspaceSettings(
            Backend: StoreShareCommand.Backend,
            Username: "secrets-bench@example.com",
            ProtectedApiToken: token,
            DefaultTtl: TimeSpan.FromDays(1),
            MaxTtl: TimeSpan.FromDays(7),
            AllowAnonymous: false,
            UpdatedAt: DateTimeOffset.UtcNow,
            UpdatedBy: "U0BENCHADMIN",
            TokenBackend: StoreShareCommand.Backend), CancellationToken.None);
    }

    private sealed record FixedKeyRingKey(byte[] Key) : IKeyRingKey;
}
