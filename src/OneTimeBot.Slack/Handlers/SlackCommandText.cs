using OneTimeBot.Core.Workspaces;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Slack.BlockKit;
using OneTimeBot.Slack.Payloads;

namespace OneTimeBot.Slack.Handlers;

/// <summary>
/// A line typed in Slack (after the slash command, or in the bot's DM) as the core's grammar reads it: the person a
/// command names first, from Slack's mention of them, and everything else given back as it was typed, Slack's escaping
/// undone, since it may be a secret. A name that is not one person Slack knows is refused before anything is shared, and
/// so is a secret Slack rewrote a name in, which cannot be given back exactly.
/// </summary>
public static class SlackCommandText
{
    /// <param name="commands">The grammar.</param>
    /// <param name="text">The text as Slack sent it.</param>
    /// <param name="slashCommand">The app's slash command (Slack:Command), which a refusal's hint names.</param>
    /// <param name="surface">Where it was typed: a secret is shared only from the slash command.</param>
    /// <returns>The parsed command, or why it names nobody the link can go to or cannot share its secret.</returns>
    public static (ParsedCommand Parsed, SlackReply? Refusal) Read(BotCommands commands, string text, string slashCommand, CommandSurface surface)
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
        if (leading.Kind is not (LeadingNameKind.None or LeadingNameKind.Person))
        {
            return (parsed, parsed.Command.Name == "request"
                ? RequestBlocks.NotOnePerson(leading, slashCommand)
                : SendToMessages.NotOnePerson(leading, parsed.Command.Name, slashCommand));
        }

        var arguments = leading.Kind == LeadingNameKind.Person ? leading.Rest : parsed.Arguments;
        // Only share's text is a secret, and it must reach the secret service byte for byte: a name Slack rewrote in
        // it (<@U123>, <!subteam^S1>) cannot be read back as typed, so it is refused rather than guessed. In the DM
        // the core refuses any typed secret anyway, with its own advice. Generate's text is an expiry and a length,
        // which the sharing rules refuse when they are anything else. A request's note is shown to people, never kept
        // secret, so a name in it reads as Slack shows it (@ada), which is as good as what was typed.
        if (parsed.Command.Name == "share" && surface == CommandSurface.SlashCommand && SlackText.HoldsName(arguments))
        {
            return (parsed, SecretTextMessages.NameInSecret(slashCommand));
        }

        return (parsed with
        {
            Arguments = SlackText.Unescape(arguments),
            SendTo = leading.Kind == LeadingNameKind.Person ? new Person(leading.UserId!, leading.Written) : parsed.SendTo,
        }, null);
    }
}
