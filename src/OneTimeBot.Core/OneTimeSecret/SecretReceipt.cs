namespace OneTimeBot.Core.OneTimeSecret;

/// <summary>
/// The receipt ("metadata") of a secret. <see cref="MetadataKey"/> controls the secret (status, burn) and must stay
/// with its owner; <see cref="SecretLink"/> is what a recipient opens. The secret key is absent once received.
/// </summary>
public sealed record SecretReceipt(
    string CustomerId,
    string MetadataKey,
    string? SecretKey,
    SecretState State,
    TimeSpan Ttl,
    TimeSpan? MetadataTtl,
    TimeSpan? SecretTtl,
    DateTimeOffset Created,
    DateTimeOffset Updated,
    DateTimeOffset? Received,
    IReadOnlyList<string> Recipients,
    string? ShareDomain,
    bool PassphraseRequired,
    Uri? SecretLink,
    Uri ReceiptLink)
{
    /// <summary>When the secret stops being readable, counted from its creation.</summary>
    public DateTimeOffset ExpiresAt => Created + Ttl;
}
