using OneTimeBot.Core.Commands;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>What the Slack app says when a secret typed after the slash command cannot reach the secret service exactly as typed.</summary>
public static class SecretTextMessages
{
    /// <summary>Slack rewrote a name in the secret (see <see cref="Payloads.SlackText.HoldsName"/>): nothing was shared, and the form that takes it as typed.</summary>
    /// <param name="slashCommand">The app's slash command (Slack:Command).</param>
    public static SlackReply NameInSecret(string slashCommand) => SlackMessages.Notice(
        new Notice(
            "Slack turned a name in your secret (a person, a channel, a group or @here) into a mention, so it cannot be sent exactly as you typed it, and nothing was shared.",
            $"Use {slashCommand} share with nothing after it: its form takes the secret exactly as typed, and can send the link to someone."),
        ":no_entry:");
}
