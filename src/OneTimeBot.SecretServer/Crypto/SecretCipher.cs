using System.Security.Cryptography;
using System.Text;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// AES-256-GCM for secrets at rest. Each secret has its own key, derived from the server key and the secret's key
/// (the one in its link), so a copy of the store together with the server key still opens nothing without the link.
/// The associated data is the secret's lookup id, so a ciphertext moved to another record does not open.
/// Layout: version (1) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class SecretCipher(ServerKey serverKey)
{
    /// <summary>Written before keys were hashed: the server key itself, the secret key as associated data. Read until those secrets expire.</summary>
    private const byte ServerKeyVersion = 1;

    private const byte LinkKeyVersion = 2;
    private const int HeaderSize = 1 + Aead.Overhead;

    public byte[] Encrypt(SecretText secret, string secretKey, string secretId)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret.Reveal());
        Span<byte> key = stackalloc byte[Aead.KeySize];
        try
        {
            var output = new byte[HeaderSize + plaintext.Length];
            output[0] = LinkKeyVersion;
            serverKey.DeriveWith(Encoding.ASCII.GetBytes(secretKey), KeyPurposes.SecretEncryption, key);
            Aead.SealInto(output.AsSpan(1), key, plaintext, Encoding.ASCII.GetBytes(secretId));
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
            CryptographicOperations.ZeroMemory(key);
        }
    }

    public SecretText Decrypt(byte[] ciphertext, string secretKey, string secretId)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        if (ciphertext.Length < HeaderSize || ciphertext[0] is not (ServerKeyVersion or LinkKeyVersion))
        {
            throw new CryptographicException("The stored secret is not in a format this server can read.");
        }

        Span<byte> key = stackalloc byte[Aead.KeySize];
        try
        {
            // During a key rotation the secret may be sealed under a previous key; GCM's tag says which one opens it.
            for (var generation = 0; ; generation++)
            {
                try
                {
                    return Open(ciphertext, secretKey, secretId, generation, key);
                }
                catch (CryptographicException) when (generation + 1 < serverKey.Generations)
                {
                    // Not under this generation's key: try the next.
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private SecretText Open(byte[] ciphertext, string secretKey, string secretId, int generation, Span<byte> key)
    {
        byte[]? plaintext = null;
        try
        {
            byte[] associatedData;
            if (ciphertext[0] == ServerKeyVersion)
            {
                serverKey.BytesOf(generation).CopyTo(key);
                associatedData = Encoding.ASCII.GetBytes(secretKey);
            }
            else
            {
                serverKey.DeriveWith(generation, Encoding.ASCII.GetBytes(secretKey), KeyPurposes.SecretEncryption, key);
                associatedData = Encoding.ASCII.GetBytes(secretId);
            }

            plaintext = Aead.Open(key, ciphertext.AsSpan(1), associatedData);
            return new SecretText(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            if (plaintext is not null)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }
}
