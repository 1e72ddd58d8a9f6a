using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Messaging;

/// <summary>
/// Sends a <see cref="DirectMessage"/> to one person in their private chat with the bot, on one platform: a Slack DM
/// (<c>conversations.open</c> + <c>chat.postMessage</c>), a Teams 1:1 conversation (Bot Connector). Each platform
/// registers one; <see cref="DirectMessengers"/> picks it by the recipient's workspace.
/// </summary>
public interface IDirectMessenger
{
    ChatPlatform Platform { get; }

    /// <summary>
    /// Sends it, or says in one sentence why it could not be sent (a deactivated user, the app not installed for them,
    /// a missing scope), for the sender to read. Never throws for a refusal or an unreachable platform.
    /// </summary>
    Task<DirectMessageResult> SendAsync(Actor to, DirectMessage message, CancellationToken cancellationToken);
}

/// <summary>Whether a direct message went out, and if not, why, in one sentence a user can read.</summary>
public sealed record DirectMessageResult(bool Sent, string? Problem)
{
    /// <summary>
    /// The recipient's name as the platform gave it while sending, for a recipient known only by id until then (a Teams
    /// person picked by their Azure AD object id); null when the platform said nothing new.
    /// </summary>
    public string? RecipientName { get; init; }

    /// <summary>
    /// The platform turned it away for now (a rate limit, unreachable, a server error), not for good: the same message
    /// may go through later, so whoever sends it on its own (a link's status message) tries again.
    /// </summary>
    public bool Transient { get; init; }

    public static readonly DirectMessageResult Delivered = new(true, null);

    public static DirectMessageResult NotSent(string problem) => new(false, problem);

    /// <summary>Not sent for now; see <see cref="Transient"/>.</summary>
    public static DirectMessageResult NotSent(string problem, bool transient) => new(false, problem) { Transient = transient };
}
