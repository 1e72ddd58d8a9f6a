using System.Security.Cryptography;
using System.Text;
using OneTimeBot.Core.Security;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// AES-256-GCM for secrets at rest. The secret key is the associated data, so a ciphertext moved to another key's
/// record does not decrypt. Layout: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SecretCipher(ServerKey serverKey)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int HeaderSize = 1 + NonceSize + TagSize;

    public byte[] Encrypt(SecretText secret, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret.Reveal());
        try
        {
            var output = new byte[HeaderSize + plaintext.Length];
            output[0] = Version;
            var nonce = output.AsSpan(1, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(serverKey.Bytes, TagSize);
            aes.Encrypt(nonce, plaintext, output.AsSpan(HeaderSize), output.AsSpan(1 + NonceSize, TagSize), Encoding.ASCII.GetBytes(secretKey));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    public SecretText Decrypt(byte[] ciphertext, string secretKey)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        if (ciphertext.Length < HeaderSize || ciphertext[0] != Version)
        {
            throw new CryptographicException("The stored secret is not in a format this server can read.");
        }

        var plaintext = new byte[ciphertext.Length - HeaderSize];
        try
        {
            using var aes = new AesGcm(serverKey.Bytes, TagSize);
            aes.Decrypt(ciphertext.AsSpan(1, NonceSize), ciphertext.AsSpan(HeaderSize), ciphertext.AsSpan(1 + NonceSize, TagSize), plaintext, Encoding.ASCII.GetBytes(secretKey));
            return new SecretText(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
