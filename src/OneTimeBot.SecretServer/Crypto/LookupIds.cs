using System.Security.Cryptography;
using System.Text;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Storage;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// The ids secrets and receipts are stored, counted and indexed under: HMAC-SHA256 of the link's key under a key
/// derived from the server key, as 64 hex characters. The stores never see a key, so a backup or read access to Redis
/// names nothing anyone can open, and presenting an id as a key only finds the id of an id.
/// </summary>
public sealed class LookupIds(ServerKey serverKey)
{
    private static readonly byte[] SecretLabel = "secret\n"u8.ToArray();
    private static readonly byte[] ReceiptLabel = "receipt\n"u8.ToArray();
    private readonly Lazy<byte[]> _key = new(() => serverKey.Derive(KeyPurposes.LookupIds));

    public StoreLookup Secret(string secretKey) => new(SecretId(secretKey), LegacyKey(secretKey));

    public StoreLookup Receipt(string metadataKey) => new(ReceiptId(metadataKey), LegacyKey(metadataKey));

    public string SecretId(string secretKey) => Hash(SecretLabel, secretKey);

    public string ReceiptId(string metadataKey) => Hash(ReceiptLabel, metadataKey);

    private string Hash(byte[] label, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var input = new byte[label.Length + Encoding.UTF8.GetByteCount(key)];
        label.CopyTo(input, 0);
        Encoding.UTF8.GetBytes(key, input.AsSpan(label.Length));
        Span<byte> hash = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(_key.Value, input, hash);
        return Convert.ToHexStringLower(hash);
    }

    // Before ids were hashed, records were stored under the key itself; only a key shaped like those this server
    // made (SecretKeys) can name one. An id (64 hex characters) never can, so it cannot be used as a key.
    private static string? LegacyKey(string key) =>
        key.Length == SecretKeys.Length && key.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c)) ? key : null;
}
