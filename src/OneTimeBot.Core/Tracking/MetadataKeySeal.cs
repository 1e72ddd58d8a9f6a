using System.Security.Cryptography;
using System.Text;
using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Seals a tracked link's metadata key (AES-256-GCM) under a key derived from the deployment's key, bound to the
/// tracked id it is stored with: a copy of the store without <c>SecretServer:EncryptionKey</c> opens none, and a sealed
/// key copied onto another row does not open there. Unlike a receipt's keys, these must open without the card, since
/// the bot polls the link and burns it from its owner's list on its own; so the link itself, which reveals the secret,
/// is not kept here at all.
/// </summary>
public sealed class MetadataKeySeal
{
    private const string Prefix = "v1.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int BytesOnStack = 256;

    // Every seal is under the current key, so each thread keeps one cipher for it instead of making and freeing an
    // OpenSSL context per link. A cipher is not safe to share between threads; one per thread needs no lock, and
    // nothing to dispose at shutdown (its handle is freed with the thread). Tagged with its seal, as a process may
    // hold more than one (tests start several deployments).
    [ThreadStatic]
    private static (MetadataKeySeal Owner, AesGcm Cipher)? t_sealer;

    private readonly Lazy<byte[][]> _keys;

    public MetadataKeySeal(IKeyRingKey deploymentKey)
    {
        ArgumentNullException.ThrowIfNull(deploymentKey);
        _keys = new(() => deploymentKey.AllKeys
            .Select(key => HKDF.DeriveKey(HashAlgorithmName.SHA256, key, 32, info: "OneTimeBot.TrackedShares.MetadataKey.v1"u8.ToArray()))
            .ToArray());
    }

    public string Seal(string trackedId, string metadataKey)
    {
        ArgumentNullException.ThrowIfNull(trackedId);
        ArgumentNullException.ThrowIfNull(metadataKey);
        // A metadata key and a tracked id are short and fit on the stack; a longer one goes to the heap, zeroed all the same.
        var keyLength = Encoding.UTF8.GetMaxByteCount(metadataKey.Length);
        var idLength = Encoding.UTF8.GetMaxByteCount(trackedId.Length);
        Span<byte> plaintext = keyLength <= BytesOnStack ? stackalloc byte[BytesOnStack] : new byte[keyLength];
        Span<byte> associated = idLength <= BytesOnStack ? stackalloc byte[BytesOnStack] : new byte[idLength];
        try
        {
            plaintext = plaintext[..Encoding.UTF8.GetBytes(metadataKey, plaintext)];
            var output = new byte[NonceSize + TagSize + plaintext.Length];
            RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
            Sealer().Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), associated[..Encoding.UTF8.GetBytes(trackedId, associated)]);
            return SealedText.Of(Prefix, output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public string Open(string trackedId, string sealedKey)
    {
        ArgumentNullException.ThrowIfNull(trackedId);
        ArgumentNullException.ThrowIfNull(sealedKey);
        if (!sealedKey.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException("A tracked link's metadata key is not sealed in a form this version knows.");
        }

        var bytes = Convert.FromBase64String(sealedKey[Prefix.Length..]);
        if (bytes.Length < NonceSize + TagSize)
        {
            throw new InvalidDataException("A tracked link's sealed metadata key is cut short.");
        }

        var plaintext = new byte[bytes.Length - NonceSize - TagSize];
        try
        {
            // During a key rotation it may be sealed under a previous key; GCM's tag says which one opens it.
            for (var generation = 0; ; generation++)
            {
                try
                {
                    using var aes = new AesGcm(_keys.Value[generation], TagSize);
                    aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext, Encoding.UTF8.GetBytes(trackedId));
                    return Encoding.UTF8.GetString(plaintext);
                }
                catch (CryptographicException) when (generation + 1 < _keys.Value.Length)
                {
                    // Not under this key: try the next.
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    private AesGcm Sealer()
    {
        if (t_sealer is { } kept && ReferenceEquals(kept.Owner, this))
        {
            return kept.Cipher;
        }

        t_sealer?.Cipher.Dispose();
        var cipher = new AesGcm(_keys.Value[0], TagSize);
        t_sealer = (this, cipher);
        return cipher;
    }
}
