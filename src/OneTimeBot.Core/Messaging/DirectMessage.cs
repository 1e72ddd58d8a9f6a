using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Messaging;

/// <summary>What the bot says to one person in their private chat with it; each platform decides how it looks.</summary>
public abstract record DirectMessage;

/// <summary>
/// A link sent to the person it is for: who sent it, the link and its expiry (shown in the reader's time zone), whether
/// a passphrase is needed (never the passphrase), and that opening it shows the secret once. <paramref name="Note"/> is
/// what the link answers, when it answers a request.
/// </summary>
public sealed record LinkForYou(Person From, SecretCard Card, string? Note = null) : DirectMessage
{
    // The card holds the link, a bearer credential, and the receipt id that opens its stored copy.
    public override string ToString() => $"LinkForYou {{ From = {From}, Card = {Card} }}";
}

/// <summary>To a sender: their link was opened, burned, or expired unopened, at <paramref name="At"/>.</summary>
public sealed record LinkStatusChanged(SecretStatus Status, DateTimeOffset At, Person? SentTo, bool Generated, DateTimeOffset Created) : DirectMessage;

/// <summary>To the person asked: <paramref name="From"/> asks them for a secret, for what <paramref name="Note"/> says.</summary>
public sealed record SecretAsked(string RequestId, Person From, string Note, DateTimeOffset ExpiresAt) : DirectMessage
{
    // The note is typed by a person and may say more than it should: kept out of wherever a message is logged.
    public override string ToString() => $"SecretAsked {{ RequestId = {RequestId}, From = {From}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>To a requester: the person they asked declined.</summary>
public sealed record RequestDeclined(Person By, string Note) : DirectMessage
{
    public override string ToString() => $"RequestDeclined {{ By = {By} }}";
}
