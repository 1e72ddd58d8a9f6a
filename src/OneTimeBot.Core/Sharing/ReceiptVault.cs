using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// The bot's receipts, which only the card that names one can open. A receipt is stored under an HMAC of the receipt id
/// its card carries, after the id's leading time (<see cref="TimeOrderedIds"/>), so that new receipts are appended to
/// the store's index rather than scattered through it; its metadata key and link are sealed (AES-256-GCM) under a key
/// derived from the deployment's key and that id. The id's random part is stored nowhere: so a copy of the store, even
/// with <c>SecretServer:EncryptionKey</c>, yields no link and no metadata key; whoever holds the card already holds its
/// link. Receipts saved before (under the HMAC alone; before that under their id, keys under Data Protection) are still
/// read until they expire.
/// </summary>
public sealed class ReceiptVault
{
    private const string SealedPrefix = "v3.";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;

    // A card's id (26 characters) and any id a user may type (64 at most) fit; a longer one goes to the heap.
    private const int IdBytesOnStack = 256;

    // Ids of receipts saved before they were stored under an HMAC: 26 base36 characters (an HMAC is 64 hex ones).
    private const int LegacyIdLength = 26;

    private readonly IReceiptStore _store;
    // The current key's pair first, then, during a key rotation, each previous key's.
    private readonly Lazy<(byte[] Lookup, byte[] Seal)[]> _keys;
    private readonly IDataProtector _legacyTogether;
    private readonly IDataProtector _legacyApart;

    public ReceiptVault(IReceiptStore store, IKeyRingKey deploymentKey, IDataProtectionProvider dataProtection)
    {
        ArgumentNullException.ThrowIfNull(deploymentKey);
        ArgumentNullException.ThrowIfNull(dataProtection);
        _store = store ?? throw new ArgumentNullException(nameof(store));
        // One key for finding and one for sealing, each its own derivation, so neither can stand in for the other.
        _keys = new Lazy<(byte[], byte[])[]>(() => deploymentKey.AllKeys
            .Select(key => (Derive(key, "OneTimeBot.Receipts.LookupId.v3"), Derive(key, "OneTimeBot.Receipts.Seal.v3")))
            .ToArray());
        _legacyTogether = dataProtection.CreateProtector("OneTimeBot.Receipts.v2");
        _legacyApart = dataProtection.CreateProtector("OneTimeBot.Receipts.v1");
    }

    /// <returns>The id the receipt is stored under, which is how logs name it (<see cref="LogName"/>).</returns>
    public async Task<string> SaveAsync(ReceiptRecord receipt, ReceiptKeys keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        ArgumentNullException.ThrowIfNull(keys);
        var stored = receipt with { Id = TimedStorageId(0, receipt.Id), ProtectedKeys = Seal(receipt.Id, keys) };
        await _store.SaveAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored.Id;
    }

    /// <summary>The receipt a card names, with <see cref="ReceiptRecord.Id"/> as the card has it; null when there is none.</summary>
    public async Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiptId);
        ReceiptRecord? found = null;
        for (var generation = 0; found is null && generation < _keys.Value.Length; generation++)
        {
            // Stored under the time and the HMAC, or, by versions before the time was added, under the HMAC alone.
            found = await _store.FindAsync(TimedStorageId(generation, receiptId), cancellationToken).ConfigureAwait(false)
                ?? await _store.FindAsync(StorageId(generation, receiptId), cancellationToken).ConfigureAwait(false);
        }

        if (found is null && receiptId.Length == LegacyIdLength)
        {
            found = await _store.FindAsync(receiptId, cancellationToken).ConfigureAwait(false) is { } legacy && !IsSealed(legacy) ? legacy : null;
        }

        return found is null ? null : found with { Id = receiptId };
    }

    /// <summary>The keys of a receipt found through <see cref="FindAsync"/>.</summary>
    public ReceiptKeys KeysOf(ReceiptRecord receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (IsSealed(receipt))
        {
            return Open(receipt.Id, receipt.ProtectedKeys);
        }

        if (receipt.ProtectedKeys is { Length: > 0 } together)
        {
            return Read(_legacyTogether.Unprotect(together));
        }

        if (receipt.ProtectedMetadataKey is { } metadataKey && receipt.ProtectedSecretLink is { } link)
        {
            return new ReceiptKeys(_legacyApart.Unprotect(metadataKey), new Uri(_legacyApart.Unprotect(link)));
        }

        throw new InvalidDataException("A receipt holds no protected keys.");
    }

    /// <summary>
    /// How logs name a receipt: the id it is stored under with the current key (what <see cref="SaveAsync"/> returns),
    /// which finds its row but opens nothing. The card's id is the
    /// other half of the key that unseals the link, so it is written nowhere but on the card.
    /// </summary>
    public string LogName(string receiptId)
    {
        ArgumentNullException.ThrowIfNull(receiptId);
        return TimedStorageId(0, receiptId);
    }

    private string StorageId(int generation, string receiptId)
    {
        Span<byte> hmac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        LookupHmac(generation, receiptId, hmac);
        return Convert.ToHexStringLower(hmac);
    }

    // The time tells no more than the row's own dates; the HMAC after it is what only the card's id finds.
    private string TimedStorageId(int generation, string receiptId)
    {
        Span<byte> hmac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        LookupHmac(generation, receiptId, hmac);
        var time = Math.Min(TimeOrderedIds.TimeDigits, receiptId.Length);
        Span<char> id = stackalloc char[time + (2 * hmac.Length)];
        receiptId.AsSpan(0, time).CopyTo(id);
        Convert.TryToHexStringLower(hmac, id[time..], out _);
        return new string(id);
    }

    private void LookupHmac(int generation, string receiptId, Span<byte> hmac)
    {
        var most = Encoding.UTF8.GetMaxByteCount(receiptId.Length);
        Span<byte> utf8 = most <= IdBytesOnStack ? stackalloc byte[IdBytesOnStack] : new byte[most];
        HMACSHA256.HashData(_keys.Value[generation].Lookup, utf8[..Encoding.UTF8.GetBytes(receiptId, utf8)], hmac);
    }

    private static bool IsSealed(ReceiptRecord receipt) => receipt.ProtectedKeys?.StartsWith(SealedPrefix, StringComparison.Ordinal) == true;

    private string Seal(string receiptId, ReceiptKeys keys)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(keys, ReceiptKeysJson.Default.ReceiptKeys);
        Span<byte> key = stackalloc byte[KeySize];
        try
        {
            SealKey(0, receiptId, key);
            var output = new byte[NonceSize + TagSize + plaintext.Length];
            RandomNumberGenerator.Fill(output.AsSpan(0, NonceSize));
            using var aes = new AesGcm(key, TagSize);
            aes.Encrypt(output.AsSpan(0, NonceSize), plaintext, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
            return SealedText.Of(SealedPrefix, output);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private ReceiptKeys Open(string receiptId, string sealedKeys)
    {
        var bytes = Convert.FromBase64String(sealedKeys[SealedPrefix.Length..]);
        if (bytes.Length < NonceSize + TagSize)
        {
            throw new InvalidDataException("A receipt's sealed keys are cut short.");
        }

        var plaintext = new byte[bytes.Length - NonceSize - TagSize];
        Span<byte> key = stackalloc byte[KeySize];
        try
        {
            // During a key rotation it may be sealed under a previous key; GCM's tag says which one opens it.
            for (var generation = 0; ; generation++)
            {
                SealKey(generation, receiptId, key);
                try
                {
                    using var aes = new AesGcm(key, TagSize);
                    aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize + TagSize), bytes.AsSpan(NonceSize, TagSize), plaintext);
                    return JsonSerializer.Deserialize(plaintext, ReceiptKeysJson.Default.ReceiptKeys) ?? throw new InvalidDataException("A receipt's sealed keys were empty.");
                }
                catch (CryptographicException) when (generation + 1 < _keys.Value.Length)
                {
                    // Not under this key: try the next.
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(key);
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    // The receipt id is the salt: without the card that carries it, the deployment's key opens no receipt.
    private void SealKey(int generation, string receiptId, Span<byte> key)
    {
        var most = Encoding.UTF8.GetMaxByteCount(receiptId.Length);
        Span<byte> salt = most <= IdBytesOnStack ? stackalloc byte[IdBytesOnStack] : new byte[most];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys.Value[generation].Seal, key, salt[..Encoding.UTF8.GetBytes(receiptId, salt)], "receipt keys"u8);
    }

    private static ReceiptKeys Read(string json) =>
        JsonSerializer.Deserialize(json, ReceiptKeysJson.Default.ReceiptKeys) ?? throw new InvalidDataException("A receipt's protected keys were empty.");

    private static byte[] Derive(byte[] deploymentKey, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, deploymentKey, 32, info: Encoding.UTF8.GetBytes(purpose));
}
