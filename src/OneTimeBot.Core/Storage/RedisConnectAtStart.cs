using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Starts connecting to Redis as the host starts, without waiting for it: otherwise the first request after a start
/// pays for the connection and its handshake inside Slack's 3 s, which a loaded machine was seen to take seconds for.
/// A Redis that is down does not hold up the start; requests meet it as they would have.
/// </summary>
public sealed class RedisConnectAtStart(IOptions<StorageOptions> options, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsRedis)
        {
            // Resolved only here: the connection reads its settings as Redis's, which a SQLite host's are not.
            // Whoever uses the connection first awaits this same task and meets its failure, if any.
            _ = services.GetRequiredService<RedisConnection>().MultiplexerAsync().ContinueWith(connecting => connecting.Exception, TaskScheduler.Default);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
