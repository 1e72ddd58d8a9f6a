using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Crypto;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Tests;

/// <summary>Each secret is encrypted under its own key, which needs the link: the server key alone opens nothing.</summary>
public sealed class SecretCipherTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly SecretCipher _cipher = new(ServerKeyOf(Key));
    private readonly LookupIds _ids = new(ServerKeyOf(Key));

    [Fact]
    public void A_secret_opens_with_its_own_key_and_id()
    {
        var secretKey = SecretKeys.New();

        var ciphertext = _cipher.Encrypt(new SecretText("round trip"), secretKey, _ids.SecretId(secretKey));

        Assert.Equal("round trip", _cipher.Decrypt(ciphertext, secretKey, _ids.SecretId(secretKey)).Reveal());
    }

    [Fact]
    public void The_server_key_alone_does_not_open_a_secret_whatever_it_is_bound_to()
    {
        var secretKey = SecretKeys.New();
        var secretId = _ids.SecretId(secretKey);
        var ciphertext = _cipher.Encrypt(new SecretText("needs the link"), secretKey, secretId);

        foreach (var associatedData in new[] { secretId, secretKey, "" })
        {
            var plaintext = new byte[ciphertext.Length - 29];
            using var aes = new AesGcm(Key, 16);
            Assert.ThrowsAny<CryptographicException>(() =>
                aes.Decrypt(ciphertext.AsSpan(1, 12), ciphertext.AsSpan(29), ciphertext.AsSpan(13, 16), plaintext, Encoding.ASCII.GetBytes(associatedData)));
        }
    }

    [Fact]
    public void Another_secrets_key_does_not_open_it()
    {
        var secretKey = SecretKeys.New();
        var other = SecretKeys.New();
        var ciphertext = _cipher.Encrypt(new SecretText("mine"), secretKey, _ids.SecretId(secretKey));

        Assert.ThrowsAny<CryptographicException>(() => _cipher.Decrypt(ciphertext, other, _ids.SecretId(secretKey)));
        Assert.ThrowsAny<CryptographicException>(() => _cipher.Decrypt(ciphertext, secretKey, _ids.SecretId(other)));
    }

    [Fact]
    public void A_secret_encrypted_the_old_way_under_the_server_key_still_opens()
    {
        var old = LegacySecret.New("old format", "anon", DateTimeOffset.UtcNow, TimeSpan.FromHours(1));

        Assert.Equal("old format", _cipher.Decrypt(old.Ciphertext(Key), old.SecretKey, _ids.SecretId(old.SecretKey)).Reveal());
    }

    private static ServerKey ServerKeyOf(byte[] key) => new(
        Options.Create(new SecretServerOptions { EncryptionKey = Convert.ToBase64String(key) }),
        new HostingEnvironment { EnvironmentName = "Production" },
        NullLogger<ServerKey>.Instance);
}
