using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Messaging;

/// <summary>The registered <see cref="IDirectMessenger"/>s, by platform; a platform that is not configured has none.</summary>
public sealed class DirectMessengers(IEnumerable<IDirectMessenger> messengers)
{
    private readonly Dictionary<ChatPlatform, IDirectMessenger> _byPlatform = messengers.ToDictionary(m => m.Platform);

    /// <summary>Sends through the recipient's platform.</summary>
    public Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(to);
        return _byPlatform.TryGetValue(to.Workspace.Platform, out var messenger)
            ? messenger.SendAsync(to, message, cancellationToken)
            : Task.FromResult(DirectMessageResult.NotSent(CoreStrings.Format("Error.Delivery.NoMessenger", to.Workspace.Platform)));
    }
}
