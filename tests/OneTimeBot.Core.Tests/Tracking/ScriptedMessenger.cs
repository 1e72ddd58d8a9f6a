using System.Collections.Concurrent;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>
/// A Slack messenger that answers each send with the next of its scripted outcomes (a result, an exception to throw, or
/// <see cref="Hangs"/>), then delivers; it keeps only what it delivered.
/// </summary>
internal sealed class ScriptedMessenger(params object[] outcomes) : IDirectMessenger
{
    /// <summary>An outcome: the platform never answers, and the send waits until it is cancelled.</summary>
    public static readonly object Hangs = new();

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
            return next == Hangs ? HangAsync(cancellationToken)
                : next is Exception failure ? Task.FromException<DirectMessageResult>(failure)
                : Task.FromResult((DirectMessageResult)next);
        }

        _delivered.Enqueue(message);
        return Task.FromResult(DirectMessageResult.Delivered);
    }

    private static async Task<DirectMessageResult> HangAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("A send that hangs ends only when it is cancelled.");
    }
}
