namespace OneTimeBot.Core.Commands;

/// <summary>Runs a command whose name matched; gets everything after the name exactly as typed.</summary>
public delegate Task<CommandReply> CommandHandler(CommandRequest request, CancellationToken cancellationToken);

/// <summary>
/// A command, declared once for Slack's slash command, Slack DMs and the Teams chat: its name and aliases, how it
/// is typed (each usage a help line), what a platform says while it works (null when it answers at once) and what
/// it does.
/// </summary>
public sealed record CommandDefinition(
    string Name,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<CommandUsage> Usages,
    string? Progress,
    CommandHandler Handle)
{
    /// <summary>
    /// Whether the command may name a person first, whom the link goes to (<c>share @alice &lt;secret&gt;</c>); a
    /// platform that can tell a person from text in what was typed (a Slack mention) reads them from there.
    /// </summary>
    public bool TakesPerson { get; init; }

    public bool Answers(string word) => Name == word || Aliases.Contains(word);
}

/// <summary>One way to type a command, for help; <paramref name="SlashCommandOnly"/> for a usage that is refused in a chat.</summary>
public sealed record CommandUsage(string Arguments, string Description, string? Example = null, bool SlashCommandOnly = false);
