using Microsoft.Extensions.Options;
using OneTimeBot.Core.Security;
using OneTimeBot.SecretServer.Configuration;

namespace OneTimeBot.SecretServer.Crypto;

/// <summary>
/// bcrypt over a SHA-384 pre-hash (BCrypt.Net's "enhanced" mode): bcrypt alone ignores everything past 72 bytes,
/// and passphrases may be 128 characters. Verification compares in constant time.
/// </summary>
public sealed class PassphraseHasher(IOptions<SecretServerOptions> options)
{
    public string Hash(SecretText passphrase)
    {
        ArgumentNullException.ThrowIfNull(passphrase);
        return BCrypt.Net.BCrypt.EnhancedHashPassword(passphrase.Reveal(), BCrypt.Net.HashType.SHA384, options.Value.PassphraseWorkFactor);
    }

    public static bool Verify(SecretText? passphrase, string hash)
    {
        if (passphrase is null || passphrase.IsEmpty)
        {
            return false;
        }

        try
        {
            return BCrypt.Net.BCrypt.EnhancedVerify(passphrase.Reveal(), hash, BCrypt.Net.HashType.SHA384);
        }
        catch (BCrypt.Net.SaltParseException)
        {
            return false;
        }
    }
}
