using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OneTimeBot.Core.Security;

namespace OneTimeBot.SecretServer.Configuration;

/// <summary>
/// The 256-bit server key: from <c>SecretServer:EncryptionKey</c>, or in Development generated once into the key file
/// (readable by the owner only) with a warning, so a laptop run needs no set-up and survives restarts.
/// After a rotation it is a ring: generation 0, the current key, seals everything new; the keys in
/// <c>SecretServer:PreviousEncryptionKeys</c> (generations 1…) only open and find what was sealed under them.
/// </summary>
public sealed partial class ServerKey
{
    public const int Length = 32;
    private static readonly byte[] KeyIdLabel = "OneTimeBot server key id"u8.ToArray();
    private readonly Lazy<byte[][]> _keys;

    public ServerKey(IOptions<SecretServerOptions> options, IHostEnvironment environment, ILogger<ServerKey> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _keys = new Lazy<byte[][]>(() => Load(options.Value, environment, logger));
    }

    /// <summary>The current key and the previous ones: 1 without a rotation under way.</summary>
    public int Generations => _keys.Value.Length;

    internal ReadOnlySpan<byte> Bytes => _keys.Value[0];

    internal ReadOnlySpan<byte> BytesOf(int generation) => _keys.Value[generation];

    /// <summary>A separate key for another purpose (HKDF-SHA256), so one configured secret never does two jobs.</summary>
    public byte[] Derive(string purpose) => DeriveOf(0, purpose);

    /// <summary><see cref="Derive"/> under every generation, the current key's first.</summary>
    public IReadOnlyList<byte[]> DeriveAll(string purpose) =>
        Enumerable.Range(0, Generations).Select(generation => DeriveOf(generation, purpose)).ToArray();

    /// <summary>
    /// A key that needs the server key and a second secret the store never holds (a link's key, an account's token):
    /// HKDF-SHA256 over both, so neither a copy of the store together with the server key, nor the second secret
    /// alone, derives it. <paramref name="purpose"/> keeps keys for different jobs apart.
    /// </summary>
    internal void DeriveWith(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> purpose, Span<byte> output) =>
        DeriveWith(0, secret, purpose, output);

    /// <summary><see cref="DeriveWith(ReadOnlySpan{byte}, ReadOnlySpan{byte}, Span{byte})"/> under one generation.</summary>
    internal void DeriveWith(int generation, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> purpose, Span<byte> output)
    {
        var size = Length + secret.Length;
        Span<byte> material = size <= 512 ? stackalloc byte[size] : new byte[size];
        try
        {
            // The server key has a fixed length, so the concatenation is unambiguous.
            _keys.Value[generation].CopyTo(material);
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

    /// <summary>
    /// A name for a key an operator can compare between replicas and log lines: the first 8 hex characters of an HMAC
    /// under the key, which tells nothing about the key itself.
    /// </summary>
    public static string IdOf(ReadOnlySpan<byte> key) => Convert.ToHexStringLower(HMACSHA256.HashData(key, KeyIdLabel))[..8];

    private byte[] DeriveOf(int generation, string purpose) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, _keys.Value[generation], Length, info: System.Text.Encoding.UTF8.GetBytes(purpose));

    private static byte[][] Load(SecretServerOptions options, IHostEnvironment environment, ILogger logger)
    {
        var current = LoadCurrent(options, environment, logger);
        var previous = options.PreviousEncryptionKeys
            .Select((text, i) => TryDecode(text ?? "", out var key)
                ? key
                : throw new InvalidOperationException($"{SecretServerOptions.SectionName}:PreviousEncryptionKeys:{i} must be 32 bytes, base64-encoded."))
            .ToArray();
        if (previous.Length == 0)
        {
            LogSingleKey(logger, IdOf(current));
        }
        else
        {
            LogRotation(logger, IdOf(current), previous.Length, string.Join(", ", previous.Select(k => IdOf(k))));
        }

        return [current, .. previous];
    }

    private static byte[] LoadCurrent(SecretServerOptions options, IHostEnvironment environment, ILogger logger)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Server key {KeyId} (SecretServer:EncryptionKey) seals and opens everything; no SecretServer:PreviousEncryptionKeys are set, so whatever was sealed under any other key is neither found nor opened.")]
    private static partial void LogSingleKey(ILogger logger, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation under way: server key {KeyId} (SecretServer:EncryptionKey) seals everything new; {PreviousCount} previous key(s) {PreviousKeyIds} (SecretServer:PreviousEncryptionKeys) still open what was sealed under them. Remove a previous key once everything sealed under it has expired (twice SecretServer:MaxTtl).")]
    private static partial void LogRotation(ILogger logger, string keyId, int previousCount, string previousKeyIds);
}
