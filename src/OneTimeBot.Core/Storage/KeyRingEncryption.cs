using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.Storage;

/// <summary>Encrypts each key of the ring with AES-256-GCM before it is stored.</summary>
public sealed class AesGcmXmlEncryptor(IKeyRingKey keyRingKey) : IXmlEncryptor
{
    internal const int NonceSize = 12;
    internal const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var plaintext = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        try
        {
            var sealedBytes = new byte[NonceSize + TagSize + plaintext.Length];
            RandomNumberGenerator.Fill(sealedBytes.AsSpan(0, NonceSize));
            using var aes = new AesGcm(keyRingKey.Key, TagSize);
            aes.Encrypt(sealedBytes.AsSpan(0, NonceSize), plaintext, sealedBytes.AsSpan(NonceSize + TagSize), sealedBytes.AsSpan(NonceSize, TagSize));
            var element = new XElement("aesGcmEncryptedKey", new XAttribute("version", "1"), Convert.ToBase64String(sealedBytes));
            return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>Data Protection creates decryptors itself, handing them the service provider.</summary>
public sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var keys = services.GetRequiredService<IKeyRingKey>().AllKeys.ToArray();
        var plaintext = OpenWith(keys, encryptedElement, out _);
        try
        {
            return XElement.Parse(System.Text.Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>
    /// Opens an <c>aesGcmEncryptedKey</c> element with the first of <paramref name="keys"/> that authenticates it;
    /// <paramref name="generation"/> says which (0: the current key).
    /// </summary>
    internal static byte[] OpenWith(IReadOnlyList<byte[]> keys, XElement encryptedElement, out int generation)
    {
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[sealedBytes.Length - AesGcmXmlEncryptor.NonceSize - AesGcmXmlEncryptor.TagSize];
        for (generation = 0; ; generation++)
        {
            try
            {
                using var aes = new AesGcm(keys[generation], AesGcmXmlEncryptor.TagSize);
                aes.Decrypt(
                    sealedBytes.AsSpan(0, AesGcmXmlEncryptor.NonceSize),
                    sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize + AesGcmXmlEncryptor.TagSize),
                    sealedBytes.AsSpan(AesGcmXmlEncryptor.NonceSize, AesGcmXmlEncryptor.TagSize),
                    plaintext);
                return plaintext;
            }
            catch (CryptographicException) when (generation + 1 < keys.Count)
            {
                // Sealed under a previous key (a rotation under way): try the next.
            }
        }
    }
}
