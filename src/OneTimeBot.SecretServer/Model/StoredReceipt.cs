namespace OneTimeBot.SecretServer.Model;

/// <summary>
/// A receipt at rest. It outlives its secret (twice the TTL) so the sender can learn what happened to it. It is stored
/// under <see cref="Id"/>, a keyed hash of its metadata key, and holds its secret's id and its secret key sealed
/// (see <c>ReceiptSeals</c>); an API account's receipt also holds its metadata key sealed for the account's recent list.
/// A receipt written before keys were hashed has no seals: its id is the metadata key and its secret id the secret key.
/// </summary>
public sealed record StoredReceipt(
    string Id,
    string SecretId,
    byte[]? SealedSecretKey,
    byte[]? SealedMetadataKey,
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
    /// <summary>Written before keys were hashed: stored under its keys in clear, and read that way until it expires.</summary>
    public bool IsLegacy => SealedSecretKey is null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    /// <summary>The state as of <paramref name="now"/>: a live secret past its TTL has expired.</summary>
    public StoredReceipt AsOf(DateTimeOffset now) =>
        ReceiptState.SecretAlive(State) && now >= SecretExpiresAt ? this with { State = ReceiptState.Expired, Updated = SecretExpiresAt } : this;
}
