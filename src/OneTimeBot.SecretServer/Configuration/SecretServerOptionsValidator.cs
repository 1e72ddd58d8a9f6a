using Microsoft.Extensions.Hosting;
using OneTimeBot.Core.Configuration;

namespace OneTimeBot.SecretServer.Configuration;

/// <summary>Stops start-up on settings the secret service cannot honour, naming the key.</summary>
public sealed class SecretServerOptionsValidator(IHostEnvironment environment) : SectionValidator<SecretServerOptions>(SecretServerOptions.SectionName)
{
    protected override void Check(SecretServerOptions options, ICollection<string> errors)
    {
        // The key also encrypts the bot's Data Protection key ring, so it is needed even with the service switched off.
        if (string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"{Prefix}EncryptionKey is required outside Development: 32 random bytes, base64 (openssl rand -base64 32), the same on every replica.");
            }
        }
        else if (!ServerKey.TryDecode(options.EncryptionKey, out _))
        {
            errors.Add($"{Prefix}EncryptionKey must be 32 bytes, base64-encoded (openssl rand -base64 32).");
        }

        CheckPreviousKeys(options, errors);
        if (!options.Enabled)
        {
            return;
        }

        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            if (string.IsNullOrWhiteSpace(account.Username) || account.Username.Contains(':', StringComparison.Ordinal))
            {
                errors.Add($"{Prefix}Accounts:{i}:Username must be set and must not contain ':'.");
            }
            else if (string.Equals(account.Username.Trim(), ApiAccountOptions.InternalUsername, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{Prefix}Accounts:{i}:Username '{ApiAccountOptions.InternalUsername}' is reserved for the bot's own account.");
            }

            if (account.ApiTokenSha256 is not { Length: 64 } || !account.ApiTokenSha256.All(char.IsAsciiHexDigit))
            {
                errors.Add($"{Prefix}Accounts:{i}:ApiTokenSha256 must be the SHA-256 of the token as 64 hex characters (printf %s \"$TOKEN\" | sha256sum).");
            }
        }

        if (options.MinTtl < TimeSpan.FromSeconds(1) || options.MaxTtl < options.MinTtl || options.AnonymousMaxTtl < options.MinTtl || options.AnonymousMaxTtl > options.MaxTtl)
        {
            errors.Add($"{Prefix}MinTtl, {Prefix}AnonymousMaxTtl and {Prefix}MaxTtl must satisfy 1 s <= MinTtl <= AnonymousMaxTtl <= MaxTtl.");
        }

        if (options.DefaultTtl < options.MinTtl || options.DefaultTtl > options.MaxTtl)
        {
            errors.Add($"{Prefix}DefaultTtl must lie between {Prefix}MinTtl and {Prefix}MaxTtl.");
        }

        if (options.MaxSecretBytes is < 1 or > 1_000_000)
        {
            errors.Add($"{Prefix}MaxSecretBytes must be between 1 and 1000000.");
        }

        if (options.MinPassphraseLength < 1 || options.MaxPassphraseLength < options.MinPassphraseLength)
        {
            errors.Add($"{Prefix}MinPassphraseLength must be at least 1 and at most {Prefix}MaxPassphraseLength.");
        }

        if (options.PassphraseWorkFactor is < 4 or > 16)
        {
            errors.Add($"{Prefix}PassphraseWorkFactor must be between 4 and 16.");
        }

        if (options.ConcurrentPassphraseChecks is < 1 or > 1024)
        {
            errors.Add($"{Prefix}ConcurrentPassphraseChecks must be between 1 and 1024 (got {options.ConcurrentPassphraseChecks}).");
        }

        if (options.AnonymousCreatesPerMinute < 1 || options.AnonymousRevealsPerMinute < 1)
        {
            errors.Add($"{Prefix}AnonymousCreatesPerMinute and {Prefix}AnonymousRevealsPerMinute must be at least 1.");
        }

        if (options.AccountCreatesPerMinute < 0 || options.AccountRevealsPerMinute < 0)
        {
            errors.Add($"{Prefix}AccountCreatesPerMinute and {Prefix}AccountRevealsPerMinute must be 0 (off) or more.");
        }

        if (options.PassphraseAttemptsPerSecret < 1 || options.PassphraseAttemptsPerClientPerMinute < 1)
        {
            errors.Add($"{Prefix}PassphraseAttemptsPerSecret and {Prefix}PassphraseAttemptsPerClientPerMinute must be at least 1.");
        }

        if (options.PassphraseAttemptWindow < TimeSpan.FromSeconds(1) || options.PassphraseAttemptWindow > TimeSpan.FromDays(1))
        {
            errors.Add($"{Prefix}PassphraseAttemptWindow must be between 00:00:01 and 1.00:00:00.");
        }

        if (options.PurgeInterval < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{Prefix}PurgeInterval must be at least 00:00:01.");
        }
    }

    private void CheckPreviousKeys(SecretServerOptions options, ICollection<string> errors)
    {
        if (options.PreviousEncryptionKeys.Count > 0 && string.IsNullOrWhiteSpace(options.EncryptionKey))
        {
            errors.Add($"{Prefix}PreviousEncryptionKeys needs {Prefix}EncryptionKey: the new key seals, the previous ones only open what they sealed.");
        }

        var current = ServerKey.TryDecode(options.EncryptionKey ?? "", out var key) ? key : null;
        for (var i = 0; i < options.PreviousEncryptionKeys.Count; i++)
        {
            if (!ServerKey.TryDecode(options.PreviousEncryptionKeys[i] ?? "", out var previous))
            {
                errors.Add($"{Prefix}PreviousEncryptionKeys:{i} must be 32 bytes, base64-encoded, as {Prefix}EncryptionKey was.");
            }
            else if (current is not null && previous.AsSpan().SequenceEqual(current))
            {
                errors.Add($"{Prefix}PreviousEncryptionKeys:{i} is the current {Prefix}EncryptionKey: set a new key as EncryptionKey and keep the old one here.");
            }
        }
    }
}
