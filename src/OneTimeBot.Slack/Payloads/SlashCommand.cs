using Microsoft.Extensions.Primitives;

namespace OneTimeBot.Slack.Payloads;

/// <summary>A slash command as Slack posts it (form fields). <see cref="Text"/> may hold a secret: it is never logged.</summary>
public sealed record SlashCommand(
    string TeamId,
    string? EnterpriseId,
    string ChannelId,
    string UserId,
    string Command,
    string Text,
    Uri? ResponseUrl,
    string? TriggerId)
{
    /// <summary>The sender's language tag as Slack gave it (<c>users.info</c>), once the command is verified; not a form field.</summary>
    public string? Locale { get; init; }

    /// <summary>The command, or null when a field it cannot do without is missing.</summary>
    public static SlashCommand? From(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string? Field(string name) => form.TryGetValue(name, out var v) && v.Count == 1 ? v[0] : null;

        var team = Field("team_id");
        var user = Field("user_id");
        var command = Field("command");
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(command))
        {
            return null;
        }

        return new SlashCommand(
            team,
            NonEmpty(Field("enterprise_id")),
            Field("channel_id") ?? "",
            user,
            command,
            Field("text") ?? "",
            SlackUrls.TryResponseUrl(Field("response_url")),
            NonEmpty(Field("trigger_id")));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
