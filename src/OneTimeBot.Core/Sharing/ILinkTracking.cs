using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// What sharing tells link tracking, which learns when a link is opened and says so to its owner: a link was just made
/// from chat, and its owner is burning it through the bot, which shows them the outcome on their card, so no message
/// about that burn should follow.
/// </summary>
public interface ILinkTracking
{
    /// <summary>Starts watching a link just made, under <paramref name="trackedId"/> (random, and kept on its receipt).</summary>
    Task TrackAsync(string trackedId, NewLink link, CancellationToken cancellationToken);

    /// <summary>
    /// Before the owner's own burn: holds back the message a change of the link's status would send. True when this
    /// call holds it, false when a message went or is going already; either way it goes to <see cref="OwnerBurnEndedAsync"/>.
    /// </summary>
    Task<bool> OwnerBurnStartingAsync(string trackedId, CancellationToken cancellationToken);

    /// <summary>
    /// After the owner's burn: records that it burned at <paramref name="burnedAt"/>; when it did not (a wrong passphrase,
    /// the backend down), lets a message go again if <paramref name="held"/>. True when this call settled the link.
    /// </summary>
    Task<bool> OwnerBurnEndedAsync(string trackedId, bool held, DateTimeOffset? burnedAt, CancellationToken cancellationToken);

    /// <summary>
    /// After the link was sent to the person it is for: whom it went to, with the name the platform gave while sending,
    /// or null when it could not be sent, so the owner's list and messages name the right person, or nobody.
    /// </summary>
    Task RecipientKnownAsync(string trackedId, Person? sentTo, CancellationToken cancellationToken);

    /// <summary>
    /// Whom the link went to, as tracking last learnt it, for the owner's card after Check status or Burn: the receipt
    /// does not keep the person. Null when it went to nobody, could not be sent, or is no longer tracked.
    /// </summary>
    Task<Person?> SentToAsync(string trackedId, CancellationToken cancellationToken);

    /// <summary>
    /// The owner's own Check status showed them the link <paramref name="status"/>: settles it if nothing has yet, and
    /// then sends no message about it, as their card already says so. True when this call settled the link.
    /// </summary>
    Task<bool> OwnerSawAsync(string trackedId, SecretStatus status, DateTimeOffset at, CancellationToken cancellationToken);
}

/// <summary>
/// A link just made from chat: who made it and for whom, the backend as configured and its host, and the backend's
/// receipt, whose metadata key tracking keeps sealed to poll and to burn from the owner's list.
/// </summary>
public sealed record NewLink(Actor Owner, Person? SentTo, string Backend, string BackendHost, SecretReceipt Receipt, bool Generated);
