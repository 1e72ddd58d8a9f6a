using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Teams.Tests;

namespace OneTimeBot.Host.Tests.HostileTenant;

/// <summary>
/// Scenarios 1 and 2 of the trust-boundaries review, from the Teams side: an organisation's admin names a server the
/// operator did not allow. The card comes back with what is allowed and with everything the admin typed, the token
/// aside, and the organisation's settings are unchanged.
/// </summary>
public sealed class SettingsCardTests
{
    private const string Admin = "ad000000-0000-4000-8000-0000000000ad";

    [Fact]
    public async Task A_server_the_operator_did_not_allow_is_refused_with_what_is_allowed_and_the_card_keeps_what_was_typed()
    {
        await using var app = await TeamsApp.StartAsync(new Dictionary<string, string?>
        {
            ["OneTimeSecret:AllowedBackends:0"] = "eu",
            ["OneTimeSecret:AllowedBackends:1"] = "*.partner.example",
        });

        await app.SendAsync(app.Activity("message", "config", fromAad: Admin));
        var form = (await app.BotFramework.WaitForCallsAsync(1))[0].Card!;
        await app.SendAsync(app.Activity("message", fromAad: Admin, value: new JsonObject
        {
            ["action"] = "saveConfig", ["backend"] = "custom", ["customUrl"] = "https://169.254.169.254/latest", ["username"] = "ops@tenant.example",
            ["apiToken"] = "tok_teams_refused_7a6b5c", ["defaultTtl"] = "1d", ["maxTtl"] = "7d",
        }));
        var again = (await app.BotFramework.WaitForCallsAsync(2))[1].Card!;
        var inputs = again["body"]!.AsArray().OfType<JsonObject>().Where(e => e["id"] is not null).ToDictionary(e => e["id"]!.GetValue<string>());
        var settings = await app.Host.Services.GetRequiredService<WorkspaceSettingsService>().GetAsync(new WorkspaceId(ChatPlatform.Teams, TeamsApp.TenantId), default);

        Assert.Equal(["eu", "custom"], OfferedBackends(form).Where(v => v != "embedded"));
        var text = again.ToJsonString();
        Assert.Contains("169.254.169.254 is not a secret service this OneTimeBot lets workspaces choose.", text, StringComparison.Ordinal);
        Assert.Contains("onetimesecret.com in eu; any server under partner.example", text, StringComparison.Ordinal);
        Assert.Equal("custom", inputs["backend"]["value"]!.GetValue<string>());
        Assert.Equal("https://169.254.169.254/latest", inputs["customUrl"]["value"]!.GetValue<string>());
        Assert.Equal("ops@tenant.example", inputs["username"]["value"]!.GetValue<string>());
        Assert.Equal("1d", inputs["defaultTtl"]["value"]!.GetValue<string>());
        Assert.Equal("7d", inputs["maxTtl"]["value"]!.GetValue<string>());
        Assert.Null(inputs["apiToken"]["value"]);
        Assert.Equal(("embedded", null, false), (settings.Backend, settings.Username, settings.HasApiToken));
        app.AssertNowhere("tok_teams_refused_7a6b5c");
    }

    private static IEnumerable<string> OfferedBackends(JsonObject card) =>
        card["body"]!.AsArray().OfType<JsonObject>().Single(e => e["id"]?.GetValue<string>() == "backend")["choices"]!.AsArray()
            .Select(c => c!["value"]!.GetValue<string>());
}
