using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage;

/// <summary>The one multiplexer a process shares (StackExchange.Redis is built for exactly one), connected on first use.</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;

    public RedisConnection(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        KeyPrefix = options.Value.RedisKeyPrefix;
        var configuration = ConfigurationOptions.Parse(options.Value.ConnectionString ?? "");
        // Keep retrying in the background after a Redis restart instead of failing the first call for good.
        configuration.AbortOnConnectFail = false;
        configuration.ConnectTimeout = 5000;
        configuration.SyncTimeout = 5000;
        configuration.AsyncTimeout = 5000;
        // While Redis is unreachable, fail a command at once rather than queue it for seconds: Slack and Teams give a
        // request 3 to 5 s, and a prompt "storage is down" beats a platform timeout.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    public string KeyPrefix { get; }

    public async Task<IDatabase> DatabaseAsync() => (await _connection.Value.ConfigureAwait(false)).GetDatabase();

    /// <summary>The shared multiplexer itself, for publish/subscribe and its connection events.</summary>
    public Task<ConnectionMultiplexer> MultiplexerAsync() => _connection.Value;

    /// <summary>For the few callers whose interface is synchronous (the Data Protection key ring).</summary>
    public IDatabase Database() => _connection.Value.GetAwaiter().GetResult().GetDatabase();

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value.ConfigureAwait(false)).DisposeAsync().ConfigureAwait(false);
        }
    }
}
