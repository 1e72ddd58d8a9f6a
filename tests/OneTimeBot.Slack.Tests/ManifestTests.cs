using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.Configuration;
using OneTimeBot.Slack.Installations;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests;

/// <summary>manifests/slack/manifest.yaml is valid for Slack's own schema and matches what the app serves.</summary>
public sealed class ManifestTests
{
    private static readonly string Manifest = RepositoryRoot.Combine("manifests", "slack", "manifest.yaml");
    // Slack's schema (MIT), kept in the repository so a fresh clone validates offline.
    private static readonly string Schemas = RepositoryRoot.Combine("tests", "schemas", "slack");

    private static async Task<JsonObject> ValidateAsync(string manifestPath)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync("validate-slack-manifest.js", manifestPath, Schemas);
        Assert.True(exitCode == 0, errors);
        return (JsonObject)JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task The_manifest_is_valid_for_slacks_manifest_schema()
    {
        var result = await ValidateAsync(Manifest);

        Assert.True(result["valid"]!.GetValue<bool>(), result["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task The_schema_check_does_catch_a_broken_manifest()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("slack-manifest-").FullName, "manifest.yaml");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(Manifest))
            .Replace("- command: /onetime", "- command: onetime", StringComparison.Ordinal)
            .Replace("    messages_tab_enabled: true", "    messages_tab_enabled: yes please", StringComparison.Ordinal));

        var result = await ValidateAsync(broken);

        Assert.False(result["valid"]!.GetValue<bool>());
        Assert.Contains("/features/slash_commands/0/command", result["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_manifest_points_at_the_apps_endpoints_asks_for_exactly_its_scopes_and_subscribes_to_what_it_handles()
    {
        var manifest = (await ValidateAsync(Manifest))["manifest"]!;
        const string host = "https://onetimebot.example.com";

        var command = manifest["features"]!["slash_commands"]![0]!;
        Assert.Equal("/onetime", command["command"]!.GetValue<string>());
        // Out of the box, the route table answers the command the manifest declares.
        Assert.Equal(SlackOptions.DefaultCommand, command["command"]!.GetValue<string>());
        Assert.Equal(host + "/slack/commands", command["url"]!.GetValue<string>());
        // Mentions arrive as user ids, which is how share @alice and generate @alice know whom to send the link to.
        Assert.True(command["should_escape"]!.GetValue<bool>());
        Assert.Contains("generate [@person] [expiry] [length]", command["usage_hint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(host + "/slack/interactivity", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.Equal(host + "/slack/events", manifest["settings"]!["event_subscriptions"]!["request_url"]!.GetValue<string>());
        Assert.Equal(host + "/slack/oauth_redirect", manifest["oauth_config"]!["redirect_urls"]![0]!.GetValue<string>());
        Assert.Equal(SlackScopes.Bot, manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["message.im", "app_uninstalled", "tokens_revoked", "app_home_opened"], manifest["settings"]!["event_subscriptions"]!["bot_events"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(manifest["features"]!["app_home"]!["messages_tab_enabled"]!.GetValue<bool>());
        Assert.True(manifest["features"]!["app_home"]!["home_tab_enabled"]!.GetValue<bool>());
        Assert.Equal("OneTimeBot", manifest["features"]!["bot_user"]!["display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_slash_commands_usage_hint_names_every_command_the_grammar_declares()
    {
        var manifest = (await ValidateAsync(Manifest))["manifest"]!;
        var hint = manifest["features"]!["slash_commands"]![0]!["usage_hint"]!.GetValue<string>();
        // Each alternative of the hint starts with the command's name: "share [secret] | generate [expiry] [length] | …".
        var named = hint.Split('|', StringSplitOptions.TrimEntries).Select(a => a.Split(' ')[0]).ToHashSet(StringComparer.Ordinal);

        // Every command the grammar declares is offered after the slash command, so the hint must name it.
        Assert.All(new BotCommands(sharing: null!, links: null!, requests: null!, notifications: null!, recent: null!).All, c => Assert.Contains(c.Name, named));
    }

    [Fact]
    public async Task The_request_a_secret_shortcut_is_declared_with_the_callback_id_the_route_table_answers()
    {
        var manifest = (await ValidateAsync(Manifest))["manifest"]!;

        var shortcut = Assert.Single(manifest["features"]!["shortcuts"]!.AsArray())!;

        Assert.Equal("Request a secret", shortcut["name"]!.GetValue<string>());
        Assert.Equal("global", shortcut["type"]!.GetValue<string>());
        Assert.Equal(Views.RequestModal.ShortcutCallbackId, shortcut["callback_id"]!.GetValue<string>());
    }
}
