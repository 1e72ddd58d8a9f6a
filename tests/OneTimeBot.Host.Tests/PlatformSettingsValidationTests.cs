using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OneTimeBot.Host.Hosting;

namespace OneTimeBot.Host.Tests;

/// <summary>The rules Slack's and Teams' sections share, checked the same way for both.</summary>
public sealed class PlatformSettingsValidationTests
{
    [Theory]
    [InlineData("Slack", "Slack:SigningSecret is required")]
    [InlineData("Teams", "Teams:AppId is required")]
    public void A_platform_that_is_on_reports_its_own_errors_and_a_follow_up_budget_outside_1_s_to_5_min_together(string platform, string ownError)
    {
        var failures = Failures(new Dictionary<string, string?> { [$"{platform}:Enabled"] = "true", [$"{platform}:FollowUpBudget"] = "00:05:01" });

        Assert.Contains(failures, f => f.StartsWith(ownError, StringComparison.Ordinal));
        Assert.Contains($"{platform}:FollowUpBudget must be between 1 s and 5 min.", failures);
    }

    [Theory]
    [InlineData("Slack")]
    [InlineData("Teams")]
    public void A_platform_that_is_off_has_none_of_its_settings_checked(string platform)
    {
        var failures = Failures(new Dictionary<string, string?> { [$"{platform}:Enabled"] = "false", [$"{platform}:FollowUpBudget"] = "00:00:00.5" });

        Assert.DoesNotContain(failures, f => f.StartsWith(platform + ":", StringComparison.Ordinal));
    }

    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = ValidationServices.Build(configuration);
        try
        {
            services.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception ex) when (ConfigurationErrors.From(ex) is { } failures)
        {
            return failures;
        }
    }
}
