using System.Security.Cryptography;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// AES-256-GCM with a fresh random nonce per message. Layout: nonce (12) | tag (16) | ciphertext. The associated
/// data binds a ciphertext to the record it belongs to, so one copied into another record does not open.
/// </summary>
internal static class Aead
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    public const int Overhead = NonceSize + TagSize;

    public static byte[] Seal(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var output = new byte[Overhead + plaintext.Length];
        SealInto(output, key, plaintext, associatedData);
        return output;
    }

    /// <summary>Seals into <paramref name="output"/>, which must be exactly <see cref="Overhead"/> longer than the plaintext.</summary>
    public static void SealInto(Span<byte> output, ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var nonce = output[..NonceSize];
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, output[Overhead..], output.Slice(NonceSize, TagSize), associatedData);
    }

    /// <summary>Opens a sealed message; throws <see cref="CryptographicException"/> when it was not sealed with this key and data.</summary>
    public static byte[] Open(ReadOnlySpan<byte> key, ReadOnlySpan<byte> sealedMessage, ReadOnlySpan<byte> associatedData)
    {
        if (sealedMessage.Length < Overhead)
        {
            throw new CryptographicException("The sealed value is too short.");
        }

        var plaintext = new byte[sealedMessage.Length - Overhead];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(sealedMessage[..NonceSize], sealedMessage[Overhead..], sealedMessage.Slice(NonceSize, TagSize), plaintext, associatedData);
            return plaintext;
        }
        catch
        {
            CryptographicOperations.ZeroMemory(plaintext);
            throw;
        }
    }
}
