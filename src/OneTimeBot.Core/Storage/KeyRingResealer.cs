using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Security;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// During a key rotation, seals again under the current key, once at start, every Data Protection key of the ring that
/// is still sealed under a previous one. Those keys protect API and bot tokens that live as long as an installation,
/// far longer than any secret or receipt, so they must not depend on a key the operator will remove.
/// </summary>
public sealed partial class KeyRingResealer(IXmlRepository repository, IKeyRingKey keyRingKey, AesGcmXmlEncryptor encryptor, ILogger<KeyRingResealer> logger) : IHostedService
{
    // Data Protection stores each key under this name (XmlKeyManager), so storing it again replaces it.
    private const string KeyNamePrefix = "key-";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var keys = keyRingKey.AllKeys.ToArray();
        if (keys.Length > 1)
        {
            Reseal(keys);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Reseal(byte[][] keys)
    {
        var (resealed, unreadable) = (0, 0);
        foreach (var element in repository.GetAllElements())
        {
            if (element.Name.LocalName != "key" || element.Attribute("id")?.Value is not { } id)
            {
                continue;
            }

            var changed = false;
            foreach (var encrypted in element.Descendants().Where(e => e.Name.LocalName == "aesGcmEncryptedKey").ToList())
            {
                byte[] plaintext;
                int generation;
                try
                {
                    plaintext = AesGcmXmlDecryptor.OpenWith(keys, encrypted, out generation);
                }
                catch (CryptographicException)
                {
                    unreadable++;
                    continue;
                }

                try
                {
                    if (generation > 0)
                    {
                        encrypted.ReplaceWith(encryptor.Encrypt(XElement.Parse(Encoding.UTF8.GetString(plaintext))).EncryptedElement);
                        changed = true;
                    }
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(plaintext);
                }
            }

            if (changed)
            {
                repository.StoreElement(element, KeyNamePrefix + id);
                resealed++;
            }
        }

        LogResealed(logger, resealed);
        if (unreadable > 0)
        {
            LogUnreadable(logger, unreadable);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Key rotation: sealed {Count} Data Protection key(s) of the ring again under the current SecretServer:EncryptionKey; the tokens they protect no longer need a previous key.")]
    private static partial void LogResealed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation: {Count} Data Protection key(s) of the ring open under neither SecretServer:EncryptionKey nor any of SecretServer:PreviousEncryptionKeys; the tokens they protect cannot be read until the key they were sealed under is configured again.")]
    private static partial void LogUnreadable(ILogger logger, int count);
}
