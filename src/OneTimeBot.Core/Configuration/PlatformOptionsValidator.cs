using Microsoft.Extensions.Hosting;

namespace OneTimeBot.Core.Configuration;

/// <summary>
/// Checks a chat platform's section when the platform is on: the platform's own rules, which may be looser in
/// Development (a local run without credentials), then the rules every platform shares.
/// </summary>
public abstract class PlatformOptionsValidator<TOptions>(string section, IHostEnvironment environment) : SectionValidator<TOptions>(section)
    where TOptions : class, IPlatformOptions
{
    /// <summary>Where relative paths in the section are relative to.</summary>
    protected string ContentRootPath => environment.ContentRootPath;

    protected sealed override void Check(TOptions options, ICollection<string> errors)
    {
        if (!options.Enabled)
        {
            return;
        }

        CheckPlatform(options, environment.IsDevelopment(), errors);
        if (options.FollowUpBudget < TimeSpan.FromSeconds(1) || options.FollowUpBudget > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{Prefix}FollowUpBudget must be between 1 s and 5 min.");
        }
    }

    /// <summary>The platform's own rules, some of them looser in <paramref name="development"/>.</summary>
    protected abstract void CheckPlatform(TOptions options, bool development, ICollection<string> errors);
}
