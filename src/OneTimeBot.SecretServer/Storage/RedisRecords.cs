using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>A secret as Redis holds it, as JSON under <c>ots:secret:ID</c>.</summary>
internal sealed record RedisSecret(string ReceiptId, byte[] Ciphertext, string? PassphraseHash, DateTimeOffset Created, DateTimeOffset ExpiresAt)
{
    public static RedisSecret From(StoredSecret s) => new(s.ReceiptId, s.Ciphertext, s.PassphraseHash, s.Created, s.ExpiresAt);

    public StoredSecret ToStored(string id) => new(id, ReceiptId, Ciphertext, PassphraseHash, Created, ExpiresAt);
}

/// <summary>A receipt as Redis holds it, as JSON under <c>ots:receipt:ID</c>.</summary>
internal sealed record RedisReceipt(
    string SecretId,
    byte[] SealedSecretKey,
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
    public static RedisReceipt From(StoredReceipt r) => new(
        r.SecretId, r.SealedSecretKey!, r.SealedMetadataKey, r.CustomerId, r.State, r.TtlSeconds, r.Created, r.Updated, r.Received,
        r.SecretExpiresAt, r.ExpiresAt, r.Recipients, r.ShareDomain, r.PassphraseRequired);

    public StoredReceipt ToStored(string id) => new(
        id, SecretId, SealedSecretKey, SealedMetadataKey, CustomerId, State, TtlSeconds, Created, Updated, Received,
        SecretExpiresAt, ExpiresAt, Recipients, ShareDomain, PassphraseRequired);
}

/// <summary>A secret as Redis held it before keys were hashed, under <c>ots:secret:SECRETKEY</c>; read until it expires.</summary>
internal sealed record LegacyRedisSecret(string SecretKey, string MetadataKey, byte[] Ciphertext, string? PassphraseHash, DateTimeOffset Created, DateTimeOffset ExpiresAt)
{
    public StoredSecret ToStored() => new(SecretKey, MetadataKey, Ciphertext, PassphraseHash, Created, ExpiresAt);
}

/// <summary>A receipt as Redis held it before keys were hashed, under <c>ots:receipt:METADATAKEY</c>; read and updated until it expires.</summary>
internal sealed record LegacyRedisReceipt(
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
    public static LegacyRedisReceipt From(StoredReceipt r) => new(
        r.Id, r.SecretId, r.CustomerId, r.State, r.TtlSeconds, r.Created, r.Updated, r.Received,
        r.SecretExpiresAt, r.ExpiresAt, r.Recipients, r.ShareDomain, r.PassphraseRequired);

    public StoredReceipt ToStored() => new(
        MetadataKey, SecretKey, null, null, CustomerId, State, TtlSeconds, Created, Updated, Received,
        SecretExpiresAt, ExpiresAt, Recipients, ShareDomain, PassphraseRequired);
}
