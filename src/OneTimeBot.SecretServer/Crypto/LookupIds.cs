using System.Security.Cryptography;
using System.Text;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Storage;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// The ids secrets and receipts are stored, counted and indexed under: HMAC-SHA256 of the link's key under a key
/// derived from the server key, as 64 hex characters. The stores never see a key, so a backup or read access to Redis
/// names nothing anyone can open, and presenting an id as a key only finds the id of an id. During a key rotation a
/// record made under a previous key is stored under that key's id, so a lookup tries each generation in turn.
/// </summary>
public sealed class LookupIds(ServerKey serverKey)
{
    private static readonly byte[] SecretLabel = "secret\n"u8.ToArray();
    private static readonly byte[] ReceiptLabel = "receipt\n"u8.ToArray();
    private readonly Lazy<IReadOnlyList<byte[]>> _keys = new(() => serverKey.DeriveAll(KeyPurposes.LookupIds));

    public StoreLookup Secret(string secretKey) => new(SecretId(secretKey), LegacyKey(secretKey));

    public StoreLookup Receipt(string metadataKey) => new(ReceiptId(metadataKey), LegacyKey(metadataKey));

    /// <summary>Where a secret may be stored: under the current key's id (or, from before ids, its key), then each previous key's.</summary>
    public IEnumerable<StoreLookup> SecretCandidates(string secretKey) => Candidates(SecretLabel, secretKey);

    /// <summary>Where a receipt may be stored, as <see cref="SecretCandidates"/>.</summary>
    public IEnumerable<StoreLookup> ReceiptCandidates(string metadataKey) => Candidates(ReceiptLabel, metadataKey);

    public string SecretId(string secretKey) => Hash(0, SecretLabel, secretKey);

    public string ReceiptId(string metadataKey) => Hash(0, ReceiptLabel, metadataKey);

    private IEnumerable<StoreLookup> Candidates(byte[] label, string key)
    {
        yield return new StoreLookup(Hash(0, label, key), LegacyKey(key));
        for (var generation = 1; generation < _keys.Value.Count; generation++)
        {
            yield return StoreLookup.Exact(Hash(generation, label, key));
        }
    }

    private string Hash(int generation, byte[] label, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = new byte[label.Length + Encoding.UTF8.GetByteCount(key)];
        label.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(key, input.AsSpan(label.Length));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_keys.Value[generation], input, hash);
        return Convert.ToHexStringLower(hash);
    }

    // Before ids were hashed, records were stored under the key itself; only a key shaped like those this server
    // made (SecretKeys) can name one. An id (64 hex characters) never can, so it cannot be used as a key.
    private static string? LegacyKey(string key) =>
        key.Length == SecretKeys.Length && key.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)) ? key : null;
}
