using ArchUnitNET.xUnit;

namespace OneTimeBot.Architecture.Tests;

/// <summary>The product's layering, as design.md draws it: adapters translate, the core decides, and data flows one way.</summary>
public sealed class ProductArchitectureTests
{
    [Fact]
    public void The_core_uses_no_http_server_types_and_nothing_of_slack_or_teams() =>
        ArchitectureRules.PlatformNeutral("OneTimeBot.Core", "OneTimeBot.Slack", "OneTimeBot.Teams").Check(ProductArchitecture.Loaded);

    [Fact]
    public void Slack_references_nothing_of_teams() =>
        ArchitectureRules.ReferenceNothingOf("OneTimeBot.Slack", "OneTimeBot.Teams").Check(ProductArchitecture.Loaded);

    [Fact]
    public void Teams_references_nothing_of_slack() =>
        ArchitectureRules.ReferenceNothingOf("OneTimeBot.Teams", "OneTimeBot.Slack").Check(ProductArchitecture.Loaded);

    [Fact]
    public void The_client_library_references_nothing_of_onetimebot() =>
        ArchitectureRules.ReferenceNothingOf("OneTimeSecret.Client", "OneTimeBot").Check(ProductArchitecture.Loaded);

    [Theory]
    [InlineData("OneTimeSecret.Client")]
    [InlineData("OneTimeBot.Core")]
    [InlineData("OneTimeBot.Slack")]
    [InlineData("OneTimeBot.Teams")]
    [InlineData("OneTimeBot.SecretServer")]
    [InlineData("OneTimeBot.Host")]
    public void The_modules_of_an_assembly_use_one_another_without_a_cycle(string assembly)
    {
        var cycles = NamespaceCycles.Below(ProductArchitecture.Loaded, assembly);

        Assert.True(cycles.Count == 0, $"The modules of {assembly} form cycles:\n{string.Join('\n', cycles)}");
    }
}
