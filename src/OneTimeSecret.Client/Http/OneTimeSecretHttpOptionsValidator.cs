using Microsoft.Extensions.Options;

namespace OneTimeSecret.Client.Http;

/// <summary>
/// Refuses start-up on resilience settings that cannot work, naming the key to fix. Registered by
/// <c>AddOneTimeSecretClient</c>, which validates the options on start.
/// </summary>
public sealed class OneTimeSecretHttpOptionsValidator : IValidateOptions<OneTimeSecretHttpOptions>
{
    private const string Prefix = OneTimeSecretHttpOptions.SectionName + ":";

    /// <summary>Checks every setting and its bounds against the others.</summary>
    /// <param name="name">The options' name; these options are unnamed.</param>
    /// <param name="options">The settings to check.</param>
    /// <returns>Success, or one message per setting that cannot work.</returns>
    public ValidateOptionsResult Validate(string? name, OneTimeSecretHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();

        if (options.AttemptTimeout < TimeSpan.FromMilliseconds(10) || options.AttemptTimeout > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{Prefix}AttemptTimeout must be between 00:00:00.010 and 00:01:00 (got {options.AttemptTimeout}).");
        }

        if (options.TotalTimeout < options.AttemptTimeout || options.TotalTimeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Prefix}TotalTimeout must be at least {Prefix}AttemptTimeout and at most 00:05:00 (got {options.TotalTimeout}).");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add($"{Prefix}MaxRetryAttempts must be between 0 and 10 (got {options.MaxRetryAttempts}).");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.RetryBaseDelay > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{Prefix}RetryBaseDelay must be between 00:00:00 and 00:00:30 (got {options.RetryBaseDelay}).");
        }

        if (options.MaxRetryAfter < TimeSpan.Zero)
        {
            errors.Add($"{Prefix}MaxRetryAfter must not be negative (got {options.MaxRetryAfter}).");
        }

        if (options.CircuitFailureRatio is <= 0 or > 1)
        {
            errors.Add($"{Prefix}CircuitFailureRatio must be above 0 and at most 1 (got {options.CircuitFailureRatio}).");
        }

        if (options.CircuitMinimumThroughput < 2)
        {
            errors.Add($"{Prefix}CircuitMinimumThroughput must be at least 2 (got {options.CircuitMinimumThroughput}).");
        }

        // Polly insists the sampling window spans at least two attempts.
        if (options.CircuitSamplingDuration < options.AttemptTimeout * 2)
        {
            errors.Add($"{Prefix}CircuitSamplingDuration must be at least twice {Prefix}AttemptTimeout (got {options.CircuitSamplingDuration}).");
        }

        if (options.CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            errors.Add($"{Prefix}CircuitBreakDuration must be at least 00:00:00.500 (got {options.CircuitBreakDuration}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
