using System.Collections.Concurrent;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tests.Tracking;

/// <summary>A messenger for one platform that sends nothing and keeps what it was asked to send, and to whom.</summary>
internal sealed class RecordingMessenger(ChatPlatform platform = ChatPlatform.Slack) : IDirectMessenger
{
    private readonly ConcurrentQueue<(Actor To, DirectMessage Message)> _sent = new();

    public ChatPlatform Platform => platform;

    public IReadOnlyList<(Actor To, DirectMessage Message)> Sent => _sent.ToArray();

    public IReadOnlyList<LinkStatusChanged> StatusMessages => [.. _sent.Select(s => s.Message).OfType<LinkStatusChanged>()];

    public Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        _sent.Enqueue((to, message));
        return Task.FromResult(DirectMessageResult.Delivered);
    }
}
