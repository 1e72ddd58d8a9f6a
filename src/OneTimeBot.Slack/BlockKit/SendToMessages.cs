using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.Payloads;
using OneTimeBot.Slack.Localization;

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
        var example = command == "share" ? SlackStrings.Format("SendTo.Example.Share", slashCommand) : $"{slashCommand} {command} @alice";
        var nameOnePerson = SlackStrings.Format("SendTo.NameOnePerson", example);
        // Never quote the first word: Slack's reading of it may be wrong, and then it is the start of the secret.
        var notice = leading.Kind switch
        {
            LeadingNameKind.Channel => new Notice(SlackStrings.Get("SendTo.Channel"), nameOnePerson),
            LeadingNameKind.Group => new Notice(SlackStrings.Get("SendTo.Group"), nameOnePerson),
            LeadingNameKind.Unrecognised => new Notice(SlackStrings.Get("SendTo.Unrecognised"), SlackStrings.Format("SendTo.Unrecognised.Hint", slashCommand)),
            _ => new Notice(SlackStrings.Get("SendTo.Unreadable"), nameOnePerson),
        };
        return SlackMessages.Notice(notice, ":no_entry:");
    }
}
