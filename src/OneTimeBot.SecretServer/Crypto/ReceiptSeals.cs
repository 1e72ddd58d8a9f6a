using System.Security.Cryptography;
using System.Text;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// The keys a receipt has to give back, kept so that the store alone (even with the server key) cannot read them:
/// <list type="bullet">
/// <item>the secret key, under a key derived from the server key and the receipt's metadata key, so only someone
/// holding the receipt link gets the secret link back from it;</item>
/// <item>for an API account's recent list, the metadata key, under a key derived from the server key and the account's
/// API token, which the caller presents on every call and the server keeps only as a SHA-256.</item>
/// </list>
/// Each seal is bound to its receipt's id, so one copied into another receipt does not open.
/// </summary>
public sealed class ReceiptSeals(ServerKey serverKey)
{
    public byte[] SealSecretKey(string secretKey, string metadataKey, string receiptId)
    {
        Span<byte> key = stackalloc byte[Aead.KeySize];
        try
        {
            serverKey.DeriveWith(Encoding.ASCII.GetBytes(metadataKey), KeyPurposes.ReceiptSecretKey, key);
            return Aead.Seal(key, Encoding.ASCII.GetBytes(secretKey), Encoding.ASCII.GetBytes(receiptId));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The secret key, opened under the key of whichever generation sealed it (see <see cref="ServerKey"/>).</summary>
    public string OpenSecretKey(byte[] sealedKey, string metadataKey, string receiptId)
    {
        Span<byte> key = stackalloc byte[Aead.KeySize];
        try
        {
            for (var generation = 0; ; generation++)
            {
                serverKey.DeriveWith(generation, Encoding.ASCII.GetBytes(metadataKey), KeyPurposes.ReceiptSecretKey, key);
                try
                {
                    return Encoding.ASCII.GetString(Aead.Open(key, sealedKey, Encoding.ASCII.GetBytes(receiptId)));
                }
                catch (CryptographicException) when (generation + 1 < serverKey.Generations)
                {
                    // Sealed under an older key: try the next.
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>The key an account's recent list is sealed under now; derive it once per call, not per receipt.</summary>
    public byte[] RecentListKey(string username, SecretText token) => RecentListKey(0, username, token);

    /// <summary>The keys an account's recent list may be sealed under: the current generation's, then each previous one's.</summary>
    public IReadOnlyList<byte[]> RecentListKeys(string username, SecretText token) =>
        Enumerable.Range(0, serverKey.Generations).Select(generation => RecentListKey(generation, username, token)).ToArray();

    private byte[] RecentListKey(int generation, string username, SecretText token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var key = new byte[Aead.KeySize];
        var tokenBytes = Encoding.UTF8.GetBytes(token.Reveal());
        try
        {
            serverKey.DeriveWith(generation, tokenBytes, Encoding.UTF8.GetBytes(KeyPurposes.RecentList + username), key);
            return key;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(tokenBytes);
        }
    }

    public static byte[] SealMetadataKey(string metadataKey, byte[] recentListKey, string receiptId) =>
        Aead.Seal(recentListKey, Encoding.ASCII.GetBytes(metadataKey), Encoding.ASCII.GetBytes(receiptId));

    /// <summary>
    /// The metadata key, or null when the seal is none of this account's (its token has changed since, or the key it was
    /// sealed under is no longer configured).
    /// </summary>
    public static string? TryOpenMetadataKey(byte[] sealedKey, IReadOnlyList<byte[]> recentListKeys, string receiptId)
    {
        ArgumentNullException.ThrowIfNull(recentListKeys);
        foreach (var listKey in recentListKeys)
        {
            try
            {
                return Encoding.ASCII.GetString(Aead.Open(listKey, sealedKey, Encoding.ASCII.GetBytes(receiptId)));
            }
            catch (CryptographicException)
            {
                // Not under this key: try the next.
            }
        }

        return null;
    }
}
