using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Security;

namespace OneTimeBot.SecretServer.Configuration;

/// <summary>
/// The 256-bit server key: from <c>SecretServer:EncryptionKey</c>, or in Development generated once into the key file
/// (readable by the owner only) with a warning, so a laptop run needs no set-up and survives restarts.
/// </summary>
public sealed partial class ServerKey
{
    public const int Length = 32;
    private readonly Lazy<byte[]> _key;

    public ServerKey(IOptions<SecretServerOptions> options, IHostEnvironment environment, ILogger<ServerKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = new Lazy<byte[]>(() => Load(options.Value, environment, logger));
    }

    internal ReadOnlySpan<byte> Bytes => _key.Value;

    /// <summary>A separate key for another purpose (HKDF-SHA256), so one configured secret never does two jobs.</summary>
    public byte[] Derive(string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _key.Value, Length, info: System.Text.Encoding.UTF8.GetBytes(purpose));

    /// <summary>
    /// A key that needs the server key and a second secret the store never holds (a link's key, an account's token):
    /// HKDF-SHA256 over both, so neither a copy of the store together with the server key, nor the second secret
    /// alone, derives it. <paramref name="purpose"/> keeps keys for different jobs apart.
    /// </summary>
    internal void DeriveWith(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> purpose, Span<byte> output)
    {
        var size = Length + secret.Length;
        Span<byte> material = size <= 512 ? stackalloc byte[size] : new byte[size];
        try
        {
            // The server key has a fixed length, so the concatenation is unambiguous.
            _key.Value.CopyTo(material);
            secret.CopyTo(material[Length..]);
            HKDF.DeriveKey(HashAlgorithmName.SHA256, material, output, salt: default, info: purpose);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    public static bool TryDecode(string text, out byte[] key)
    {
        key = [];
        try
        {
            var bytes = Convert.FromBase64String(text.Trim());
            if (bytes.Length != Length)
            {
                return false;
            }

            key = bytes;
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Load(SecretServerOptions options, IHostEnvironment environment, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            return TryDecode(options.EncryptionKey, out var configured)
                ? configured
                : throw new InvalidOperationException($"{SecretServerOptions.SectionName}:EncryptionKey must be 32 bytes, base64-encoded.");
        }

        if (!environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{SecretServerOptions.SectionName}:EncryptionKey is required outside Development.");
        }

        var path = Path.GetFullPath(options.KeyFile, environment.ContentRootPath);
        var (stored, generated) = OwnerOnlyFile.ReadOrCreate(path, text => TryDecode(text, out _), () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(Length)));
        if (generated)
        {
            LogGeneratedDevelopmentKey(logger, path);
        }
        else
        {
            LogUsingDevelopmentKey(logger, path);
        }

        TryDecode(stored, out var key);
        return key;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SecretServer:EncryptionKey is not set; generated a Development key in {Path}. Set SecretServer:EncryptionKey for any real deployment.")]
    private static partial void LogGeneratedDevelopmentKey(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SecretServer:EncryptionKey is not set; using the Development key in {Path}. Set SecretServer:EncryptionKey for any real deployment.")]
    private static partial void LogUsingDevelopmentKey(ILogger logger, string path);
}
