using ArchUnitNET.Loader;
using ArchUnitNET.xUnit;

namespace OneTimeBot.Architecture.Tests;

/// <summary>
/// Each rule, checked on the KnownBad fixture that breaks it on purpose, fails and names what broke it: a rule that
/// passes on the product then means the product keeps it, not that the rule cannot see.
/// </summary>
public sealed class RulesCanFailTests
{
    private const string Root = "OneTimeBot.Architecture.Tests.KnownBad";

    private static readonly ArchUnitNET.Domain.Architecture KnownBad =
        new ArchLoader().LoadNamespacesWithinAssembly(typeof(RulesCanFailTests).Assembly, Root).Build();

    [Fact]
    public void The_platform_neutral_rule_catches_a_core_that_reads_requests_answers_results_maps_routes_or_knows_slack()
    {
        var failure = Assert.Throws<FailedArchRuleException>(() =>
            ArchitectureRules.PlatformNeutral($"{Root}.Core", $"{Root}.Slack", $"{Root}.Teams").Check(KnownBad));

        Assert.Contains($"{Root}.Core.Sharing.ReadsTheRequest", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Root}.Core.Sharing.AnswersWithAResult", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Root}.Core.Workspaces.MapsARoute", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"{Root}.Core.Sharing.RendersForSlack", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Root}.Core.Storage", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_that_keeps_the_adapters_apart_catches_slack_using_teams_and_teams_using_slack()
    {
        var slack = Assert.Throws<FailedArchRuleException>(() => ArchitectureRules.ReferenceNothingOf($"{Root}.Slack", $"{Root}.Teams").Check(KnownBad));
        var teams = Assert.Throws<FailedArchRuleException>(() => ArchitectureRules.ReferenceNothingOf($"{Root}.Teams", $"{Root}.Slack").Check(KnownBad));

        Assert.Contains($"{Root}.Slack.SlackReply", slack.Message, StringComparison.Ordinal);
        Assert.Contains($"{Root}.Teams.TeamsCard", teams.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cycle_rule_catches_two_modules_that_use_each_other_and_leaves_a_modules_own_insides_alone()
    {
        var cycles = NamespaceCycles.Below(KnownBad, $"{Root}.Core");

        var cycle = Assert.Single(cycles);
        Assert.StartsWith("Sharing <-> Workspaces:", cycle, StringComparison.Ordinal);
        Assert.Contains($"{Root}.Core.Workspaces.Settings -> {Root}.Core.Sharing.Card", cycle, StringComparison.Ordinal);
    }
}
