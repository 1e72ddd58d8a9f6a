using OneTimeBot.Core.Expiry;
using System.Text.Json.Nodes;
using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>Every short private message the Slack app sends besides cards and help: each says what happened and what to do.</summary>
public static class SlackMessages
{
    public static SlackReply Working(string what) => new($"{what}…", [Blocks.Context($":hourglass_flowing_sand: {what}… The link will appear here in a moment.")]);

    public static SlackReply Notice(string message, string hint, string emoji = ":warning:", bool replaceOriginal = false) => new(
        $"{message} {hint}",
        [Blocks.Section($"{emoji} *{Blocks.Escape(message)}*"), Blocks.Context(Blocks.Escape(hint))],
        ReplaceOriginal: replaceOriginal);

    public static SlackReply ConfigRefused() => Notice(
        "Only workspace admins and owners can change OneTimeBot's settings.",
        "Ask an admin to run /onetime config.", ":no_entry:");

    /// <summary>The whole answer to anything from a workspace outside Slack:AllowedTeams and Slack:AllowedEnterprises.</summary>
    public static SlackReply NotAvailable() => Notice(
        "This OneTimeBot is not available to this workspace.",
        "Nothing was done. If your workspace should be able to use it, ask whoever runs this OneTimeBot.", ":no_entry:");

    public static SlackReply NotInstalled() => Notice(
        "OneTimeBot is not installed in this workspace any more.",
        "Ask an admin to install it again; until then only /onetime share <secret> and /onetime generate can answer here.");

    public static SlackReply NeedsBotToken() => Notice(
        "This needs the Slack app's bot token, and this OneTimeBot runs without one.",
        "Set Slack__BotToken (or install the app through /slack/install); meanwhile use /onetime share <secret> or /onetime generate.");

    public static SlackReply SlackFailed(string what, string error) => Notice(
        $"Slack did not let me {what} ({error}).",
        "Try again in a moment. If it keeps failing, /onetime share <secret> works without a form.");

    public static SlackReply SecretTypedInDm() => new(
        "Please don't type secrets in messages: they stay in this conversation's history. Delete your message, then use the button.",
        [
            Blocks.Section(":warning: *Please don't type secrets in messages*: they stay in this conversation's history, where search and exports can find them. Delete your message, then use the form: it sends the secret straight to the secret service."),
            HelpBlocks.ShareButtons(),
        ]);

    public static SlackReply ShareButton() => new(
        "Share a secret: press the button to open the form.",
        [Blocks.Section("Press *Share a secret* to open the form. The secret goes straight to the secret service; this conversation only ever shows the link."), HelpBlocks.ShareButtons()]);

    public static SlackReply ConfigInDm() => Notice(
        "Settings are changed with /onetime config.",
        "Type it in any channel or here in the message box, as a command.", ":gear:");

    public static SlackReply SettingsSaved(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var blocks = new JsonArray
        {
            Blocks.Section(":white_check_mark: *OneTimeBot's settings for this workspace are saved.*"),
            Blocks.Fields(
                $"*Secret service*\n{Blocks.Escape(settings.IsEmbedded ? "this OneTimeBot (embedded)" : settings.Backend)}",
                $"*Account*\n{Blocks.Escape(settings.Username ?? "anonymous")}{(settings.HasApiToken ? " (token set)" : "")}",
                $"*Default expiry*\n{Ttl.Format(settings.DefaultTtl)}",
                $"*Longest expiry*\n{Ttl.Format(settings.MaxTtl)}"),
        };
        return new SlackReply("OneTimeBot's settings for this workspace are saved.", blocks);
    }
}
