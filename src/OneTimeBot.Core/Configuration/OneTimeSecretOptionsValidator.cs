using Microsoft.Extensions.Options;
using OneTimeBot.Core.OneTimeSecret;

namespace OneTimeBot.Core.Configuration;

/// <summary>Stops start-up on a backend that cannot be used, naming the key and the fix.</summary>
public sealed class OneTimeSecretOptionsValidator : IValidateOptions<OneTimeSecretOptions>
{
    private const string Prefix = OneTimeSecretOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, OneTimeSecretOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

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

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
