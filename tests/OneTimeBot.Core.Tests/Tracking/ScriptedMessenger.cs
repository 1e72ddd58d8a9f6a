using System.Collections.Concurrent;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>
/// A Slack messenger that answers each send with the next of its scripted outcomes (a result, or an exception to throw),
/// then delivers; it keeps only what it delivered.
/// </summary>
internal sealed class ScriptedMessenger(params object[] outcomes) : IDirectMessenger
{
    private readonly ConcurrentQueue<object> _script = new(outcomes);
    private readonly ConcurrentQueue<DirectMessage> _delivered = new();
    private int _attempts;

    public ChatPlatform Platform => ChatPlatform.Slack;

    public IReadOnlyList<DirectMessage> Delivered => _delivered.ToArray();

    public int Attempts => _attempts;

    public Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        if (_script.TryDequeue(out var next))
        {
            return next is Exception failure ? Task.FromException<DirectMessageResult>(failure) : Task.FromResult((DirectMessageResult)next);
        }

        _delivered.Enqueue(message);
        return Task.FromResult(DirectMessageResult.Delivered);
    }
}
