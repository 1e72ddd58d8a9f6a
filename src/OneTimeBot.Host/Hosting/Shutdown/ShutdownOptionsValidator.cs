using Microsoft.Extensions.Options;

namespace OneTimeBot.Host.Hosting.Shutdown;

public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    // Past this a service manager or Kubernetes has long since killed the process: the setting would only mislead.
    private static readonly TimeSpan Longest = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ShutdownOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.ShutdownTimeout <= TimeSpan.Zero || options.ShutdownTimeout > Longest)
        {
            errors.Add($"{ShutdownOptions.SectionName}:ShutdownTimeout must be more than 0 and at most 00:10:00, e.g. 00:00:30 (got {options.ShutdownTimeout:c}).");
        }

        if (options.DrainDelay < TimeSpan.Zero)
        {
            errors.Add($"{ShutdownOptions.SectionName}:DrainDelay must be 0 or more, e.g. 00:00:05 (got {options.DrainDelay:c}).");
        }
        else if (options.DrainDelay >= options.ShutdownTimeout)
        {
            // The drain would use up the whole stop, leaving nothing for the requests and follow-ups still running.
            errors.Add($"{ShutdownOptions.SectionName}:DrainDelay ({options.DrainDelay:c}) must be shorter than {ShutdownOptions.SectionName}:ShutdownTimeout ({options.ShutdownTimeout:c}).");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
