namespace OneTimeBot.SecretServer.Model;

/// <summary>
/// A receipt at rest. It outlives its secret (twice the TTL) so the sender can learn what happened to it.
/// </summary>
public sealed record StoredReceipt(
    string MetadataKey,
    string SecretKey,
    string CustomerId,
    string State,
    long TtlSeconds,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? Received,
    DateTimeOffset SecretExpiresAt,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<string> Recipients,
    string ShareDomain,
    bool PassphraseRequired)
{
    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>The state as of <paramref name="now"/>: a live secret past its TTL has expired.</summary>
    public StoredReceipt AsOf(DateTimeOffset now) =>
        ReceiptState.SecretAlive(State) && now >= SecretExpiresAt ? this with { State = ReceiptState.Expired, Updated = SecretExpiresAt } : this;
}
