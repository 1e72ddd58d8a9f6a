using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Workspaces;
using StackExchange.Redis;

namespace OneTimeBot.Core.Storage.Redis;

/// <summary>
/// Changes announced on a Redis channel every replica subscribes to. Redis does not keep a message for a subscriber
/// that is away, so when the subscription drops every replica assumes it missed something and forgets all it kept.
/// </summary>
public sealed partial class RedisWorkspaceSettingsChanges(RedisConnection redis, ILogger<RedisWorkspaceSettingsChanges> logger) : IWorkspaceSettingsChanges
{
    private readonly RedisChannel _channel = RedisChannel.Literal(redis.KeyPrefix + "workspace-settings-changed");
    private int _started;
    private int _watching;
    private volatile ISubscriber? _subscribed;

    public event Action<string?>? Changed;

    public bool IsListening => _subscribed is { } subscriber && subscriber.IsConnected(_channel);

    public void Listen()
    {
        if (Interlocked.CompareExchange(ref _started, 1, 0) == 0)
        {
            _ = SubscribeAsync();
        }
    }

    public async Task AnnounceAsync(string workspaceKey)
    {
        try
        {
            var multiplexer = await redis.MultiplexerAsync().ConfigureAwait(false);
            await multiplexer.GetSubscriber().PublishAsync(_channel, workspaceKey).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The change is saved; replicas that kept the old settings pick it up when what they kept expires.
            LogAnnounceFailed(logger, ex.GetType().Name);
        }
    }

    // Redis pushes each notice as it is published: there is nothing to look for.
    public ValueTask CatchUpAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private async Task SubscribeAsync()
    {
        try
        {
            var multiplexer = await redis.MultiplexerAsync().ConfigureAwait(false);
            if (Interlocked.Exchange(ref _watching, 1) == 0)
            {
                // A message published while a connection is down is never delivered (StackExchange.Redis subscribes
                // again by itself on reconnection): a drop and a return both mean "anything may have changed".
                multiplexer.ConnectionFailed += (_, _) => Changed?.Invoke(null);
                multiplexer.ConnectionRestored += (_, _) => Changed?.Invoke(null);
            }

            var subscriber = multiplexer.GetSubscriber();
            await subscriber.SubscribeAsync(_channel, (_, message) => Changed?.Invoke(message.HasValue ? message.ToString() : null)).ConfigureAwait(false);
            // The subscribe can return before Redis took it (on a subscription connection still opening), and a change
            // published meanwhile would never be heard while its workspace's settings were kept: a ping on the same
            // connection returns only after Redis has taken what was sent before it.
            await subscriber.PingAsync().ConfigureAwait(false);
            _subscribed = subscriber;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, ex.GetType().Name);
            // Try again on a later read; until then nothing is kept.
            Volatile.Write(ref _started, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not announce a workspace settings change ({ExceptionType}); other replicas see it within 30 s")]
    private static partial void LogAnnounceFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to workspace settings changes ({ExceptionType}); settings are read from Redis every time until it works")]
    private static partial void LogSubscribeFailed(ILogger logger, string exceptionType);
}
