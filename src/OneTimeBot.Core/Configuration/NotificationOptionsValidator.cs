namespace OneTimeBot.Core.Configuration;

public sealed class NotificationOptionsValidator() : SectionValidator<NotificationOptions>(NotificationOptions.SectionName)
{
    protected override void Check(NotificationOptions options, ICollection<string> errors)
    {
        if (options.PollsPerHostPerMinute is < 1 or > 10_000)
        {
            errors.Add($"{Prefix}PollsPerHostPerMinute must be between 1 and 10000 (got {options.PollsPerHostPerMinute}).");
        }

        if (options.ScanInterval < TimeSpan.FromSeconds(1) || options.ScanInterval > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{Prefix}ScanInterval must be between 00:00:01 and 00:10:00 (got {options.ScanInterval}).");
        }
    }
}
