using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// A line typed in Slack (after the slash command, or in the bot's DM) as the core's grammar reads it: the person a
/// command names first, from Slack's mention of them, and everything else given back as it was typed, Slack's escaping
/// undone, since it may be a secret. A name that is not one person Slack knows is refused before anything is shared.
/// </summary>
public static class SlackCommandText
{
    /// <param name="commands">The grammar.</param>
    /// <param name="text">The text as Slack sent it.</param>
    /// <param name="slashCommand">The app's slash command (Slack:Command), which a refusal's hint names.</param>
    /// <returns>The parsed command, or why it names nobody the link can go to.</returns>
    public static (ParsedCommand Parsed, SlackReply? Refusal) Read(BotCommands commands, string text, string slashCommand)
    {
        ArgumentNullException.ThrowIfNull(commands);
        // A command's keyword is letters, which Slack never escapes, so the grammar can find it in the text as sent.
        var parsed = commands.Parse(text);
        if (parsed.Command is null)
        {
            return (commands.Parse(SlackText.Unescape(text)), null);
        }

        if (!parsed.Command.TakesPerson)
        {
            return (parsed with { Arguments = SlackText.Unescape(parsed.Arguments) }, null);
        }

        var leading = SlackText.ReadLeadingName(parsed.Arguments);
        return leading.Kind switch
        {
            LeadingNameKind.None => (parsed with { Arguments = SlackText.Unescape(parsed.Arguments) }, null),
            LeadingNameKind.Person => (parsed with { Arguments = SlackText.Unescape(leading.Rest), SendTo = new Person(leading.UserId!, leading.Written) }, null),
            _ when parsed.Command.Name == "request" => (parsed, RequestBlocks.NotOnePerson(leading, slashCommand)),
            _ => (parsed, SendToMessages.NotOnePerson(leading, parsed.Command.Name, slashCommand)),
        };
    }
}
