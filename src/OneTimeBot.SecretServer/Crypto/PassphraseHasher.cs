using Microsoft.Extensions.Options;
using OneTimeBot.Core.Security;
using OneTimeBot.SecretServer.Configuration;
using OneTimeBot.SecretServer.Service;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// bcrypt over a SHA-384 pre-hash (BCrypt.Net's "enhanced" mode): bcrypt alone ignores everything past 72 bytes,
/// and passphrases may be 128 characters. Verification compares in constant time. Every verification is counted,
/// since each costs about a tenth of a second of a core.
/// </summary>
public sealed class PassphraseHasher(IOptions<SecretServerOptions> options, SecretServerMetrics metrics)
{
    public string Hash(SecretText passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return BCrypt.Net.BCrypt.EnhancedHashPassword(passphrase.Reveal(), BCrypt.Net.HashType.SHA384, options.Value.PassphraseWorkFactor);
    }

    public bool Verify(SecretText? passphrase, string hash)
    {
        if (passphrase is null || passphrase.IsEmpty)
        {
            return false;
        }

        bool matched;
        try
        {
            matched = BCrypt.Net.BCrypt.EnhancedVerify(passphrase.Reveal(), hash, BCrypt.Net.HashType.SHA384);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            matched = false;
        }

        metrics.PassphraseChecked(matched);
        return matched;
    }
}
