using OneTimeSecret.Client;

namespace OneTimeBot.Core.Configuration;

/// <summary>Stops start-up on a backend that cannot be used, naming the key and the fix.</summary>
public sealed class OneTimeSecretOptionsValidator() : SectionValidator<OneTimeSecretOptions>(OneTimeSecretOptions.SectionName)
{
    protected override void Check(OneTimeSecretOptions options, ICollection<string> errors)
    {
        if (!options.IsEmbedded && !OneTimeSecretConnection.TryParseBackend(options.Backend, out _, out var why))
        {
            errors.Add($"{Prefix}Backend: {why}; 'embedded' selects the secret service built into this host.");
        }

        var hasUser = !string.IsNullOrWhiteSpace(options.Username);
        var hasToken = !string.IsNullOrWhiteSpace(options.ApiToken);
        if (hasUser != hasToken)
        {
            errors.Add(hasUser
                ? $"{Prefix}ApiToken is missing: {Prefix}Username is set, and an account needs both (or neither, for anonymous use)."
                : $"{Prefix}Username is missing: {Prefix}ApiToken is set, and an account needs both (or neither, for anonymous use).");
        }

        if (hasUser && options.Username!.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"{Prefix}Username must not contain ':' (HTTP Basic cannot carry it).");
        }

        if (options.MaxTtl < TimeSpan.FromMinutes(1) || options.MaxTtl > TimeSpan.FromDays(30))
        {
            errors.Add($"{Prefix}MaxTtl must be between 00:01:00 and 30.00:00:00 (got {options.MaxTtl}).");
        }

        if (options.DefaultTtl < TimeSpan.FromMinutes(1) || options.DefaultTtl > options.MaxTtl)
        {
            errors.Add($"{Prefix}DefaultTtl must be between 00:01:00 and {Prefix}MaxTtl (got {options.DefaultTtl}).");
        }

        foreach (var entry in options.AllowedBackends ?? [])
        {
            if (AllowedBackends.Check(entry) is { } problem)
            {
                errors.Add($"{Prefix}AllowedBackends: {problem}");
            }
        }
    }
}
