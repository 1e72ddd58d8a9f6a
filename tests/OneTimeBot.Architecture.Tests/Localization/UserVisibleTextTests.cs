namespace OneTimeBot.Architecture.Tests.Localization;

/// <summary>Every word a user reads comes from the resources, so every language can say it.</summary>
public sealed class UserVisibleTextTests
{
    /// <summary>
    /// Product code whose two-word literals no chat user or page reader sees, each with the reason. Anything else that
    /// reads like words is user-visible and belongs in the resources.
    /// </summary>
    private static readonly Dictionary<string, string> OperatorOnly = new(StringComparer.Ordinal)
    {
        ["src/OneTimeBot.Core/Storage/"] = "SQL statements and Redis scripts",
        ["src/OneTimeBot.SecretServer/Storage/"] = "SQL statements and Redis scripts",
        ["src/OneTimeBot.Slack/Installations/Sqlite"] = "SQL statements",
        ["src/OneTimeBot.Slack/Installations/Redis"] = "Redis keys and scripts",
        ["src/OneTimeBot.Host/"] = "the composition root, health checks and start-up: operator-facing",
        ["src/OneTimeSecret.Client/"] = "a library: its failure descriptions are for developers; the core's BackendErrors words them for users",
        ["src/OneTimeBot.Teams/Auth/"] = "why a token was refused: for the log, never shown to the caller",
        ["src/OneTimeBot.SecretServer/Configuration/"] = "settings checked at start-up: for the operator",
        ["src/OneTimeBot.SecretServer/Api/"] = "the Onetime Secret v1 API's own machine-read error strings, in English as the API has them",
        ["src/OneTimeBot.SecretServer/Service/SecretServerMetrics.cs"] = "metric descriptions, for the operator's dashboards",
        ["src/OneTimeBot.Core/Telemetry/"] = "metric descriptions and span names, for the operator's dashboards and traces",
        ["src/OneTimeBot.Core/Configuration/AllowedBackendEntry.cs"] = "why an entry of the operator's AllowedBackends setting cannot be used: for the start-up log",
        ["src/OneTimeBot.Core/Tracking/EmbeddedSecretEvents.cs"] = "a background follow-up's name, which only the log shows",
        ["src/OneTimeBot.Core/Sharing/ReceiptVault.cs"] = "the key-derivation label of receipt keys: bytes, never shown",
        ["src/OneTimeBot.SecretServer/Service/SecretService.cs"] = "the v1 API's error messages, in English as the API has them; the pages word their own from PageStrings",
        ["src/OneTimeBot.SecretServer/Service/ServiceError.cs"] = "the v1 API's error messages, in English as the API has them; the pages word their own from PageStrings",
        ["src/OneTimeBot.SecretServer/Pages/PageAssets.cs"] = "the pages' stylesheet and script: code; the words the script shows come from the page's data attributes",
        ["src/OneTimeBot.Core/Hosting/HtmlWriter.cs"] = "HTML syntax (the doctype), no words",
        ["src/OneTimeBot.Slack/Hosting/RefusedRequests.cs"] = "the bodies of 400s and 401s to malformed or unsigned requests: Slack shows a user its own error instead",
    };

    /// <summary>Settings validators speak to the operator at start-up, in the log.</summary>
    private static readonly string[] OperatorOnlySuffixes = ["OptionsValidator.cs"];

    private static bool IsOperatorOnly(string path)
    {
        var relative = SourceTree.Relative(path);
        return OperatorOnly.Keys.Any(prefix => relative.StartsWith(prefix, StringComparison.Ordinal)) ||
               OperatorOnlySuffixes.Any(suffix => relative.EndsWith(suffix, StringComparison.Ordinal));
    }

    [Fact]
    public void No_product_code_outside_the_operator_only_places_holds_a_user_visible_literal()
    {
        var findings = SourceTree.ProductSources()
            .Where(p => !IsOperatorOnly(p))
            .SelectMany(ProseLiterals.In)
            .ToList();

        Assert.True(findings.Count == 0, $"{findings.Count} user-visible literals outside the resources:\n" + string.Join('\n', findings));
    }
}
