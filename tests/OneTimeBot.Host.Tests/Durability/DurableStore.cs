using OneTimeBot.Testing;

namespace OneTimeBot.Host.Tests.Durability;

/// <summary>
/// The state a host keeps across its restarts, configured as an operator configures it: the default SQLite file in a
/// folder of its own, or a Redis server. Redis keeps running while hosts die and start: its own persistence is Redis'
/// concern, not the host's.
/// </summary>
internal sealed class DurableStore : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Redis = "redis";

    private readonly string? _folder;
    private readonly RedisServer? _redis;

    private DurableStore(IReadOnlyDictionary<string, string> settings, string? folder, RedisServer? redis)
    {
        Settings = settings;
        _folder = folder;
        _redis = redis;
    }

    /// <summary>The Redis server, for a look behind the hosts' backs; null for SQLite.</summary>
    public RedisServer? RedisServer => _redis;

    /// <summary>The <c>Storage</c> settings, as environment variables, that point a host at this store.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<DurableStore> StartAsync(string provider)
    {
        switch (provider)
        {
            case Sqlite:
                var folder = Directory.CreateTempSubdirectory("onetimebot-durable-").FullName;
                return new DurableStore(new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={Path.Combine(folder, "onetimebot.db")}" }, folder, null);
            case Redis:
                var redis = await RedisServer.StartAsync();
                return new DurableStore(new Dictionary<string, string>
                {
                    ["Storage__Provider"] = "redis",
                    ["Storage__ConnectionString"] = redis.ConnectionString,
                    ["Storage__RedisKeyPrefix"] = "durable:",
                }, null, redis);
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "A store is sqlite or redis.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
