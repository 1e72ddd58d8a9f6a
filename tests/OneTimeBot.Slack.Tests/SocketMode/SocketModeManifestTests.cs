using System.Text.Json.Nodes;
using OneTimeBot.Testing;

namespace OneTimeBot.Slack.Tests.SocketMode;

/// <summary>manifests/slack/manifest.socket-mode.yaml is valid for Slack's schema and is the HTTP manifest with Socket Mode on and no request URLs.</summary>
public sealed class SocketModeManifestTests
{
    private static readonly string Manifest = RepositoryRoot.Combine("manifests", "slack", "manifest.socket-mode.yaml");
    private static readonly string HttpManifest = RepositoryRoot.Combine("manifests", "slack", "manifest.yaml");
    private static readonly string Schemas = RepositoryRoot.Combine("tests", "schemas", "slack");

    private static async Task<JsonObject> ValidateAsync(string manifestPath)
    {
        var (exitCode, output, errors) = await NodeScript.RunAsync("validate-slack-manifest.js", manifestPath, Schemas);
        Assert.True(exitCode == 0, errors);
        return (JsonObject)JsonNode.Parse(output)!;
    }

    [Fact]
    public async Task The_socket_mode_manifest_is_valid_for_slacks_manifest_schema()
    {
        var result = await ValidateAsync(Manifest);

        Assert.True(result["valid"]!.GetValue<bool>(), result["errors"]!.ToJsonString());
    }

    [Fact]
    public async Task The_socket_mode_manifest_turns_socket_mode_on_names_no_url_and_otherwise_declares_what_the_http_manifest_does()
    {
        var manifest = (await ValidateAsync(Manifest))["manifest"]!.AsObject();
        var http = (await ValidateAsync(HttpManifest))["manifest"]!.AsObject();

        Assert.True(manifest["settings"]!["socket_mode_enabled"]!.GetValue<bool>());
        Assert.DoesNotContain("http", manifest.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(WithoutUrls(http).ToJsonString(), WithoutUrls(manifest).ToJsonString());
    }

    /// <summary>The manifest without what only an HTTP app needs: its request and redirect URLs, and the Socket Mode switch.</summary>
    private static JsonObject WithoutUrls(JsonObject manifest)
    {
        var copy = manifest.DeepClone().AsObject();
        foreach (var command in copy["features"]!["slash_commands"]!.AsArray().OfType<JsonObject>())
        {
            command.Remove("url");
        }

        copy["oauth_config"]!.AsObject().Remove("redirect_urls");
        copy["settings"]!["event_subscriptions"]!.AsObject().Remove("request_url");
        copy["settings"]!["interactivity"]!.AsObject().Remove("request_url");
        copy["settings"]!.AsObject().Remove("socket_mode_enabled");
        return copy;
    }
}
