using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OneTimeBot.SecretServer.Configuration;
using OneTimeSecret.Client;

namespace OneTimeBot.SecretServer.Accounts;

/// <summary>
/// The API users: those configured (tokens known only as SHA-256) and the bot's own internal account, whose token
/// is derived from the server key so every replica that shares the key accepts it. Checks run in constant time and
/// hash even for unknown users, so timing does not tell which usernames exist.
/// </summary>
public sealed class ApiAccounts
{
    private static readonly byte[] UnknownUserHash = SHA256.HashData("no such user"u8);

    private readonly Lazy<IReadOnlyDictionary<string, byte[]>> _tokenHashes;
    private readonly Lazy<SecretText> _internalToken;

    // During a key rotation a replica still on the previous key speaks with the previous key's token: accepted too.
    private readonly Lazy<byte[][]> _previousInternalTokenHashes;

    public ApiAccounts(IOptions<SecretServerOptions> options, ServerKey serverKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(serverKey);
        _internalToken = new Lazy<SecretText>(() => InternalToken(serverKey, 0));
        _previousInternalTokenHashes = new Lazy<byte[][]>(() =>
            Enumerable.Range(1, serverKey.Generations - 1).Select(g => HashOf(InternalToken(serverKey, g))).ToArray());
        _tokenHashes = new Lazy<IReadOnlyDictionary<string, byte[]>>(() =>
        {
            var hashes = options.Value.Accounts.ToDictionary(a => a.Username.Trim(), a => Convert.FromHexString(a.ApiTokenSha256), StringComparer.Ordinal);
            hashes[ApiAccountOptions.InternalUsername] = HashOf(_internalToken.Value);
            return hashes;
        });
    }

    /// <summary>The credentials the bot itself uses against this service.</summary>
    public OneTimeSecretCredentials InternalCredentials => new(ApiAccountOptions.InternalUsername, _internalToken.Value);

    /// <summary>True when <paramref name="username"/> exists and <paramref name="token"/> is its API token.</summary>
    public bool Verify(string username, SecretText token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(token.Reveal()));
        var known = _tokenHashes.Value.TryGetValue(username, out var expected);
        var matches = CryptographicOperations.FixedTimeEquals(presented, expected ?? UnknownUserHash);
        if (known && !matches && string.Equals(username, ApiAccountOptions.InternalUsername, StringComparison.Ordinal))
        {
            matches = _previousInternalTokenHashes.Value.Aggregate(false, (any, hash) => CryptographicOperations.FixedTimeEquals(presented, hash) | any);
        }

        return known && matches;
    }

    private static SecretText InternalToken(ServerKey serverKey, int generation) =>
        new(Convert.ToHexStringLower(HMACSHA256.HashData(serverKey.BytesOf(generation), KeyPurposes.InternalAccountToken)));

    private static byte[] HashOf(SecretText token) => SHA256.HashData(Encoding.UTF8.GetBytes(token.Reveal()));
}
