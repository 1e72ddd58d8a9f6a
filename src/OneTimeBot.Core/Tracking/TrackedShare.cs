using System.Text.Json.Serialization;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// A link shared from chat, as the bot watches it for its owner: who made it (and how to message them later), whom it
/// was sent to, where and when, and what became of it. Its own random <see cref="Id"/> is what lists show on Burn
/// buttons. The metadata key, which polls and burns it, is kept only sealed (<see cref="SealedMetadataKey"/>); the link
/// is not kept at all. <see cref="BackendReceiptId"/> is the embedded secret service's id for its receipt (an HMAC of
/// the metadata key, never the key), which its events name. Kept as long as the receipt: <see cref="KeepUntil"/>.
/// <see cref="Created"/> is the backend's own time, shown to people; <see cref="Recorded"/> is when this host saved the
/// link, by its own clock, and is what the store orders an owner's links by and what a workspace purge compares: a
/// backend is chosen per workspace and not trusted, and one whose clock runs ahead (or that lies) must not keep its
/// links out of a purge. A link saved by a version without it reads as recorded at the start of time: before any removal.
/// <para>
/// What changes after it is saved (status, the message to its owner, polling) is stored apart from the rest, so each
/// change is one atomic step in the store: those properties are not part of the stored document.
/// </para>
/// </summary>
public sealed record TrackedShare(
    string Id,
    WorkspaceId Workspace,
    string OwnerUserId,
    ChatReach? OwnerReach,
    Person? SentTo,
    string Backend,
    string BackendHost,
    string SealedMetadataKey,
    string? BackendReceiptId,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    TimeSpan Ttl,
    bool PassphraseRequired,
    bool Generated,
    DateTimeOffset Recorded)
{
    /// <summary>How many of an owner's newest links a store must be able to list.</summary>
    public const int RecentPerOwner = 20;

    /// <summary>What became of the link; <see cref="SecretStatus.New"/> until one final status is settled.</summary>
    [JsonIgnore]
    public SecretStatus Status { get; init; } = SecretStatus.New;

    [JsonIgnore]
    public DateTimeOffset? StatusChangedAt { get; init; }

    /// <summary>
    /// Until when the one message about its status was last claimed (being sent, or held back by its owner's own burn);
    /// null when it is free. A claim past its time with no <see cref="Notification"/> recorded was its holder's, who stopped.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset? NotificationClaimedUntil { get; init; }

    /// <summary>What came of that message, once decided.</summary>
    [JsonIgnore]
    public NotificationOutcome? Notification { get; init; }

    /// <summary>When a poll of its backend is due next; null once its status is settled (or never, on a store that lost track).</summary>
    [JsonIgnore]
    public DateTimeOffset? NextPollAt { get; init; }

    /// <summary>Kept as long as the backend keeps its receipt: twice the secret's lifetime.</summary>
    [JsonIgnore]
    public DateTimeOffset KeepUntil => Created + Ttl * 2;

    /// <summary>The owner, as the platform's messenger reaches them.</summary>
    [JsonIgnore]
    public Actor Owner => new(Workspace, OwnerUserId) { Reach = OwnerReach };

    [JsonIgnore]
    public bool IsSettled => Status != SecretStatus.New;

    // The sealed key is no use without the deployment's key, but a log has no need of it either.
    public override string ToString() => $"TrackedShare {{ Id = {Id}, Workspace = {Workspace}, Status = {Status}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>What came of the one message about a link's status.</summary>
public enum NotificationOutcome
{
    /// <summary>The owner was messaged.</summary>
    Sent,

    /// <summary>The platform could not deliver it (the app removed, the user gone).</summary>
    NotSent,

    /// <summary>The owner had these messages turned off (or their workspace does, and they never turned them on).</summary>
    NotWanted,

    /// <summary>The owner burned it through the bot, which showed them so on their card.</summary>
    OwnersBurn,

    /// <summary>The owner's own Check status showed them what became of it before anything else learnt it.</summary>
    OwnerChecked,
}
