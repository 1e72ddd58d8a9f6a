namespace OneTimeBot.SecretServer.Model;

/// <summary>
/// A secret at rest: only ciphertext and, when set, the passphrase's bcrypt hash. It is stored under
/// <see cref="Id"/>, a keyed hash of its key (the key itself for secrets written before keys were hashed), and points
/// at its receipt by the receipt's id.
/// </summary>
public sealed record StoredSecret(
    string Id,
    string ReceiptId,
    byte[] Ciphertext,
    string? PassphraseHash,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt)
{
    public bool HasPassphrase => PassphraseHash is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
