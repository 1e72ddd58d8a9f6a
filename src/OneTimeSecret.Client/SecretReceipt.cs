namespace OneTimeSecret.Client;

/// <summary>
/// The receipt ("metadata") of a secret. <see cref="MetadataKey"/> controls the secret (status, burn) and must stay
/// with its owner; <see cref="SecretLink"/> is what a recipient opens. The secret key is absent once received.
/// </summary>
/// <param name="CustomerId">The account that owns the secret, or <c>anon</c>.</param>
/// <param name="MetadataKey">The receipt's key: it reads the status and burns the secret, so keep it to yourself.</param>
/// <param name="SecretKey">The secret's key, the last segment of <see cref="SecretLink"/>; null once the secret is gone.</param>
/// <param name="State">Where the secret is in its life.</param>
/// <param name="Ttl">How long the secret lives unrevealed, from <see cref="Created"/>.</param>
/// <param name="MetadataTtl">How long the receipt remains, when the server says.</param>
/// <param name="SecretTtl">How long the secret itself remains, when the server says; null once it is gone.</param>
/// <param name="Created">When the secret was stored.</param>
/// <param name="Updated">When the receipt last changed.</param>
/// <param name="Received">When the secret was revealed, if it was.</param>
/// <param name="Recipients">The addresses the link was sent to, obscured by the server.</param>
/// <param name="ShareDomain">The custom domain the link is built on, if any.</param>
/// <param name="PassphraseRequired">True when revealing the secret needs a passphrase.</param>
/// <param name="SecretLink">The one-time link to send; null once the secret is gone.</param>
/// <param name="ReceiptLink">The receipt's web page on the server, for the secret's owner only.</param>
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

    /// <summary>
    /// The receipt without its keys and links: the metadata key and the secret key (and the links built from them)
    /// are bearer credentials, and a generated <c>ToString</c> would print them wherever a receipt is logged.
    /// </summary>
    public override string ToString() =>
        $"SecretReceipt {{ State = {State}, Ttl = {Ttl}, Created = {Created:O}, PassphraseRequired = {PassphraseRequired}, ShareDomain = {ShareDomain} }}";
}
