using System.Text.Json;
using Microsoft.Playwright;
using OneTimeBot.Testing;

namespace OneTimeBot.EndToEnd.Tests;

/// <summary>Runs axe-core (npm, from tests/interop) on the page as it is now and returns its serious and critical findings.</summary>
internal static class Accessibility
{
    private static readonly string AxeScript = RepositoryRoot.Combine("tests", "interop", "node_modules", "axe-core", "axe.min.js");

    public static async Task<IReadOnlyList<string>> SeriousFindingsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = AxeScript });
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const results = await axe.run(document, { resultTypes: ['violations'] });
              return JSON.stringify(results.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length })));
            }
            """);
        using var violations = JsonDocument.Parse(json);
        return violations.RootElement.EnumerateArray()
            .Where(v => v.GetProperty("impact").GetString() is "serious" or "critical")
            .Select(v => $"{v.GetProperty("id").GetString()} ({v.GetProperty("impact").GetString()}): {v.GetProperty("help").GetString()}")
            .ToList();
    }
}
