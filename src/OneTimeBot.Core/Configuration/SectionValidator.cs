using Microsoft.Extensions.Options;

namespace OneTimeBot.Core.Configuration;

/// <summary>
/// Checks one section of configuration at start-up and reports every problem at once, each a sentence naming the key
/// and the fix, so an operator fixes them all in one round instead of one start at a time.
/// </summary>
public abstract class SectionValidator<TOptions>(string section) : IValidateOptions<TOptions>
    where TOptions : class
{
    /// <summary>The section's name and a colon, to name a key in an error as an operator sets it.</summary>
    protected string Prefix { get; } = section + ":";

    public ValidateOptionsResult Validate(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        Check(options, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Adds a sentence to <paramref name="errors"/> for each thing wrong with <paramref name="options"/>.</summary>
    protected abstract void Check(TOptions options, ICollection<string> errors);
}
