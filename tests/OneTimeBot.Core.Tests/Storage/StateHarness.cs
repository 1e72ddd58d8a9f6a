using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OneTimeBot.Core.Configuration;
using OneTimeBot.Core.Events;
using OneTimeBot.Core.Security;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Storage;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Testing;
using OneTimeSecret.Client;
using OneTimeSecret.Client.Network;

namespace OneTimeBot.Core.Tests.Storage;

/// <summary>
/// The bot's state and use-cases wired as the host wires them, on SQLite (a file in <see cref="DataDirectory"/>) or
/// Redis (under <see cref="KeyPrefix"/>). Two harnesses on the same folder or prefix behave as two replicas.
/// </summary>
internal sealed class StateHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private StateHarness(ServiceProvider services, string dataDirectory, string keyPrefix, FakeTimeProvider clock, CapturingLoggerProvider logs, byte[] keyRingKey)
    {
        KeyRingKey = keyRingKey;
        _services = services;
        DataDirectory = dataDirectory;
        KeyPrefix = keyPrefix;
        Clock = clock;
        Logs = logs;
    }

    public string DataDirectory { get; }

    /// <summary>The deployment's key-ring key; a replica must be started with the same one.</summary>
    public byte[] KeyRingKey { get; }

    public string KeyPrefix { get; }

    public FakeTimeProvider Clock { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _services;

    public WorkspaceSettingsService Workspaces => _services.GetRequiredService<WorkspaceSettingsService>();

    public SharingService Sharing => _services.GetRequiredService<SharingService>();

    public IReceiptStore Receipts => _services.GetRequiredService<IReceiptStore>();

    public IEventDeduplicator Events => _services.GetRequiredService<IEventDeduplicator>();

    /// <param name="services">Registrations after the harness's own, e.g. a messenger that records what it is asked to send.</param>
    /// <param name="sameStoreAs">
    /// Another replica of the same deployment: its file or key prefix and its key ring key, unless given here.
    /// </param>
    public static StateHarness Start(string? redisConnectionString, IDictionary<string, string?>? settings = null, string? dataDirectory = null, string? keyPrefix = null, Uri? embeddedBackend = null, DateTimeOffset? now = null, byte[]? keyRingKey = null, IHostAddressResolver? dns = null, Action<IServiceCollection>? services = null, StateHarness? sameStoreAs = null)
    {
        dataDirectory ??= sameStoreAs?.DataDirectory ?? Directory.CreateTempSubdirectory("onetimebot-state-").FullName;
        keyPrefix ??= sameStoreAs?.KeyPrefix ?? $"state-{Guid.NewGuid():N}:";
        keyRingKey ??= sameStoreAs?.KeyRingKey;
        var values = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = redisConnectionString is null ? "sqlite" : "redis",
            ["Storage:ConnectionString"] = redisConnectionString ?? $"Data Source={Path.Combine(dataDirectory, "onetimebot.db")}",
            ["Storage:RedisKeyPrefix"] = keyPrefix,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(now ?? DateTimeOffset.UtcNow);
        keyRingKey ??= System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        var logs = new CapturingLoggerProvider();
        var collection = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(logs))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production, ContentRootPath = dataDirectory })
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IKeyRingKey>(new FixedKeyRingKey(keyRingKey))
            .AddSingleton<IEmbeddedBackend>(new FixedEmbeddedBackend(embeddedBackend ?? new Uri("http://127.0.0.1:9/")))
            // No test reaches the real DNS: names resolve only as the test says.
            .AddSingleton(dns ?? new FixedHostAddresses())
            // The client's timers run on this clock, which moves only when a test moves it: retries go at once.
            .AddOneTimeSecretClient(o => o.RetryBaseDelay = TimeSpan.Zero);
        collection.AddOptions<OneTimeSecretOptions>().Bind(configuration.GetSection(OneTimeSecretOptions.SectionName));
        collection.AddOneTimeBotState(configuration);
        services?.Invoke(collection);
        return new StateHarness(collection.BuildServiceProvider(), dataDirectory, keyPrefix, clock, logs, keyRingKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private sealed record FixedKeyRingKey(byte[] Key) : IKeyRingKey;

    private sealed record FixedEmbeddedBackend(Uri BaseUri) : IEmbeddedBackend
    {
        public OneTimeSecretCredentials? Credentials => null;

        public bool IsServed => true;
    }
}
