namespace OneTimeBot.Core.Commands;

/// <summary>Where a command was typed, which decides what is safe to do with it.</summary>
public enum CommandSurface
{
    /// <summary>A slash command: only its sender and the bot see the text, and it is kept nowhere.</summary>
    SlashCommand,

    /// <summary>A message in the bot's chat (a Slack DM, the Teams personal chat): the text stays in the chat's history.</summary>
    Chat,
}
