using ArchUnitNET.Fluent;
using ArchUnitNET.Fluent.Syntax.Elements.Types;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace OneTimeBot.Architecture.Tests;

/// <summary>
/// The layering rules, written once over namespace names, so that the same rule is checked on the product and on a
/// fixture that breaks it on purpose (which proves the rule can fail).
/// </summary>
internal static class ArchitectureRules
{
    /// <summary>The ASP.NET Core namespaces of the HTTP server itself: requests, results, endpoint routing, app building.</summary>
    public static readonly string[] HttpServerNamespaces = ["Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Builder"];

    /// <summary>The core decides without ever seeing an HTTP request or anything of a chat platform's adapter.</summary>
    public static IArchRule PlatformNeutral(string core, params string[] adapters) =>
        Types().That().ResideInNamespaceOrBelow(core).Should().NotDependOnAny(AnyOf([.. HttpServerNamespaces, .. adapters]))
            .Because("the core must not see an HTTP request or a Slack or Teams type");

    /// <summary>Nothing in <paramref name="from"/> uses anything in <paramref name="forbidden"/>.</summary>
    public static IArchRule ReferenceNothingOf(string from, string forbidden) =>
        Types().That().ResideInNamespaceOrBelow(from).Should().NotDependOnAny(AnyOf(forbidden))
            .Because($"{from} must stand without {forbidden}");

    private static GivenTypesConjunction AnyOf(params string[] namespaces)
    {
        var types = Types(includeReferenced: true).That().ResideInNamespaceOrBelow(namespaces[0]);
        foreach (var other in namespaces.Skip(1))
        {
            types = types.Or().ResideInNamespaceOrBelow(other);
        }

        return types;
    }
}
