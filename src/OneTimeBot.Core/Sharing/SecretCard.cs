using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Messaging;

namespace OneTimeBot.Core.Sharing;

/// <summary>What happened to a shared secret, in the words a card uses.</summary>
public enum SecretStatus
{
    /// <summary>Waiting for its recipient.</summary>
    New,

    /// <summary>Opened and revealed by its recipient; gone from the server.</summary>
    Viewed,

    /// <summary>Destroyed by its sender before anyone read it.</summary>
    Burned,

    /// <summary>Its time ran out unread.</summary>
    Expired,
}

/// <summary>
/// Everything a reply about a shared secret says, for any platform: the link (while it can still be opened), the
/// expiry as an instant and as a lifetime, the passphrase note, the obscured recipient, the backend's host and the
/// opaque receipt id the Check status and Burn buttons carry. Never the secret, a generated value or a metadata key.
/// </summary>
public sealed record SecretCard(
    string ReceiptId,
    SecretStatus Status,
    Uri? Link,
    DateTimeOffset ExpiresAt,
    TimeSpan Ttl,
    bool PassphraseRequired,
    string? Recipient,
    string BackendHost,
    bool Generated,
    DateTimeOffset? StatusChangedAt = null)
{
    /// <summary>
    /// The id link tracking watches a link just made under, for what sending it learns about its recipient; null on
    /// cards about a link made before.
    /// </summary>
    public string? TrackedId { get; init; }

    /// <summary>The person the bot sent the link to, when it did.</summary>
    public Person? SentTo { get; init; }

    /// <summary>Who the link was for and why the bot could not send it to them, for the sender to pass it on.</summary>
    public (Person To, string Problem)? NotSent { get; init; }

    /// <summary>The lifetime in the reader's words, e.g. "7 days" / "7 dagar".</summary>
    public string TtlText => Localization.ReaderTime.Duration(Ttl);

    /// <summary>Whether the secret can still be opened (and so burned).</summary>
    public bool IsLive => Status == SecretStatus.New;

    // The link is a bearer credential, and the receipt id opens the stored copy of it: a generated ToString would print
    // both wherever a card or a result is logged. The tracked id names the link and opens nothing.
    public override string ToString() =>
        $"SecretCard {{ TrackedId = {TrackedId}, Status = {Status}, ExpiresAt = {ExpiresAt:O}, Ttl = {Ttl}, PassphraseRequired = {PassphraseRequired}, BackendHost = {BackendHost}, Generated = {Generated} }}";
}
