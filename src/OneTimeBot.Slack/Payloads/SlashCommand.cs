using System.Runtime.CompilerServices;
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

    // The fields a command is made of, in the order Make takes them.
    private static readonly string[] FieldNames = ["team_id", "user_id", "command", "enterprise_id", "channel_id", "text", "response_url", "trigger_id"];

    /// <summary>The command, or null when a field it cannot do without is missing.</summary>
    public static SlashCommand? From(IReadOnlyDictionary<string, StringValues> form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var fields = default(Fields);
        for (var i = 0; i < FieldNames.Length; i++)
        {
            fields[i] = form.TryGetValue(FieldNames[i], out var v) && v.Count == 1 ? v[0] : null;
        }

        return Make(fields);
    }

    /// <summary>The command from a posted form, or null when a field it cannot do without is missing.</summary>
    internal static SlashCommand? From(SlackForm form)
    {
        var fields = default(Fields);
        form.Read(FieldNames, fields);
        return Make(fields);
    }

    // Each field given exactly once, else null, in the order of FieldNames.
    private static SlashCommand? Make(ReadOnlySpan<string?> fields)
    {
        var (team, user, command) = (fields[0], fields[1], fields[2]);
        if (string.IsNullOrEmpty(team) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(command))
        {
            return null;
        }

        return new SlashCommand(
            team,
            NonEmpty(fields[3]),
            fields[4] ?? "",
            user,
            command,
            fields[5] ?? "",
            SlackUrls.TryResponseUrl(fields[6]),
            NonEmpty(fields[7]));
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // Room for the fields on the stack, instead of an array per command.
    [InlineArray(8)]
    private struct Fields
    {
        private string? _field;
    }
}
