using System.Text.Json;

namespace OneTimeBot.Slack.Installations;

internal static class InstallationJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(SlackInstallation installation) => JsonSerializer.Serialize(installation, Options);

    public static SlackInstallation? Read(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<SlackInstallation>(json, Options);
}
