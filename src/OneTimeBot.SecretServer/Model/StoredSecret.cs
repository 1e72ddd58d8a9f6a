namespace OneTimeBot.SecretServer.Model;

/// <summary>A secret at rest: only ciphertext and, when set, the passphrase's bcrypt hash.</summary>
public sealed record StoredSecret(
    string SecretKey,
    string MetadataKey,
    byte[] Ciphertext,
    string? PassphraseHash,
    DateTimeOffset Created,
    DateTimeOffset ExpiresAt)
{
    public bool HasPassphrase => PassphraseHash is not null;

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
