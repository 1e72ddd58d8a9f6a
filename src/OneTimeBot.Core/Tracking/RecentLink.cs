using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// One of a person's recent links as their list shows it: what became of it and when, whom it was sent to, when it
/// was made and expires, and the tracked id its Burn button carries. Never the link or a key.
/// </summary>
public sealed record RecentLink(
    string Id,
    SecretStatus Status,
    DateTimeOffset? StatusChangedAt,
    Person? SentTo,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt,
    TimeSpan Ttl,
    bool PassphraseRequired,
    bool Generated,
    string BackendHost)
{
    /// <summary>Whether it can still be opened, and so burned.</summary>
    public bool IsLive => Status == SecretStatus.New;
}

/// <summary>A person's recent links, newest first, and whether they are told when one is opened.</summary>
public sealed record RecentLinkList(IReadOnlyList<RecentLink> Links, bool Notified);
