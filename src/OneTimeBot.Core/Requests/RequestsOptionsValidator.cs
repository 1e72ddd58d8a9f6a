using OneTimeBot.Core.Configuration;

namespace OneTimeBot.Core.Requests;

public sealed class RequestsOptionsValidator() : SectionValidator<RequestsOptions>(RequestsOptions.SectionName)
{
    protected override void Check(RequestsOptions options, ICollection<string> errors)
    {
        if (options.Ttl < RequestsOptions.ShortestTtl || options.Ttl > RequestsOptions.LongestTtl)
        {
            errors.Add($"{Prefix}Ttl must be between 5 minutes (00:05:00) and 30 days (30.00:00:00), e.g. 1.00:00:00 for a day (got {options.Ttl}).");
        }

        if (options.PerUserPerMinute < 0 || options.PerWorkspacePerMinute < 0)
        {
            errors.Add($"{Prefix}PerUserPerMinute and {Prefix}PerWorkspacePerMinute must be 0 (off) or more.");
        }
    }
}
