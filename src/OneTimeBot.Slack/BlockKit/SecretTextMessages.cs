using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>What the Slack app says when a secret typed after the slash command cannot reach the secret service exactly as typed.</summary>
public static class SecretTextMessages
{
    /// <summary>Slack rewrote a name in the secret (see <see cref="Payloads.SlackText.HoldsName"/>): nothing was shared, and the form that takes it as typed.</summary>
    /// <param name="slashCommand">The app's slash command (Slack:Command).</param>
    public static SlackReply NameInSecret(string slashCommand) => SlackMessages.Notice(
        new Notice(
            SlackStrings.Get("SecretText.NameInSecret"),
            SlackStrings.Format("SecretText.NameInSecret.Hint", slashCommand)),
        ":no_entry:");
}
