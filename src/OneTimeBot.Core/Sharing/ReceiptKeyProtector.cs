using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace OneTimeBot.Core.Sharing;

/// <summary>What a receipt keeps encrypted: the metadata key (which can burn the secret) and the link (which can reveal it).</summary>
public sealed record ReceiptKeys(string MetadataKey, Uri SecretLink)
{
    // Either key opens the secret to whoever holds it; a record's generated ToString would print both.
    public override string ToString() => "ReceiptKeys [redacted]";
}

/// <summary>
/// Protects a receipt's two keys together in one Data Protection payload. Each payload costs a key derivation and
/// an authenticated encryption of its own (about 20 µs), so one per receipt rather than one per key halves the crypto
/// of every share. Receipts written when the keys were protected apart are still read.
/// </summary>
public sealed class ReceiptKeyProtector(IDataProtectionProvider dataProtection)
{
    // A new purpose for the new payload shape: a payload of one shape can never be read as the other.
    private readonly IDataProtector _together = dataProtection.CreateProtector("OneTimeBot.Receipts.v2");
    private readonly IDataProtector _apart = dataProtection.CreateProtector("OneTimeBot.Receipts.v1");

    public string Protect(ReceiptKeys keys) => _together.Protect(JsonSerializer.Serialize(keys, ReceiptKeysJson.Default.ReceiptKeys));

    public ReceiptKeys Unprotect(ReceiptRecord receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.ProtectedKeys is { Length: > 0 } together)
        {
            return JsonSerializer.Deserialize(_together.Unprotect(together), ReceiptKeysJson.Default.ReceiptKeys)
                ?? throw new InvalidDataException("A receipt's protected keys were empty.");
        }

        if (receipt.ProtectedMetadataKey is { } metadataKey && receipt.ProtectedSecretLink is { } link)
        {
            return new ReceiptKeys(_apart.Unprotect(metadataKey), new Uri(_apart.Unprotect(link)));
        }

        throw new InvalidDataException("A receipt holds no protected keys.");
    }
}
