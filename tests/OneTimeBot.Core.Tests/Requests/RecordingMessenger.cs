using System.Collections.Concurrent;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Requests;

/// <summary>
/// The bot's own messenger interface for one platform, keeping what it was asked to send instead of sending it: the
/// platforms' messengers and their fakes are tested with the platforms. Refuses the people a test says it cannot reach.
/// </summary>
internal sealed class RecordingMessenger(ChatPlatform platform) : IDirectMessenger
{
    private readonly ConcurrentQueue<(Actor To, DirectMessage Message)> _sent = new();
    private readonly ConcurrentDictionary<string, string> _unreachable = new(StringComparer.Ordinal);

    public ChatPlatform Platform => platform;

    public IReadOnlyList<(Actor To, DirectMessage Message)> Sent => [.. _sent];

    public IReadOnlyList<(Actor To, T Message)> SentOf<T>()
        where T : DirectMessage => [.. _sent.Where(s => s.Message is T).Select(s => (s.To, (T)s.Message))];

    /// <summary>From now on, messages to <paramref name="userId"/> are not sent, for <paramref name="problem"/>.</summary>
    public void CannotReach(string userId, string problem) => _unreachable[userId] = problem;

    public Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        if (_unreachable.TryGetValue(to.UserId, out var problem))
        {
            return Task.FromResult(DirectMessageResult.NotSent(problem));
        }

        _sent.Enqueue((to, message));
        return Task.FromResult(DirectMessageResult.Delivered);
    }
}
