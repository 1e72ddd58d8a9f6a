using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>What the Slack app says when a command names someone a link cannot go to: nothing was shared, and how to name one person.</summary>
public static class SendToMessages
{
    /// <param name="leading">What stood where the person goes.</param>
    /// <param name="command">The command that named them, e.g. <c>share</c>.</param>
    /// <param name="slashCommand">The app's slash command (Slack:Command).</param>
    public static SlackReply NotOnePerson(LeadingName leading, string command, string slashCommand)
    {
        ArgumentNullException.ThrowIfNull(leading);
        var example = command == "share" ? $"{slashCommand} share @alice <secret>" : $"{slashCommand} {command} @alice";
        var nameOnePerson = $"Name one person, e.g. {example}, or leave the name out to get the link yourself.";
        // Never quote the first word: Slack's reading of it may be wrong, and then it is the start of the secret.
        var notice = leading.Kind switch
        {
            LeadingNameKind.Channel => new Notice("A link goes to one person, and the first word names a channel, so nothing was shared.", nameOnePerson),
            LeadingNameKind.Group => new Notice("A link goes to one person, and the first word names a group of people, so nothing was shared.", nameOnePerson),
            LeadingNameKind.Unrecognised => new Notice(
                "The first word starts with @ but is not a person Slack knows, so nothing was shared.",
                $"Pick the person from the list Slack shows as you type @. To share a secret that starts with @, use {slashCommand} share and its form."),
            _ => new Notice("That name is not a Slack mention I can read, so nothing was shared.", nameOnePerson),
        };
        return SlackMessages.Notice(notice, ":no_entry:");
    }
}
