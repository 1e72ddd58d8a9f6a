using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// Every short private message the Slack app sends besides cards and help: each says what happened and what to do.
/// A message that tells people what to type takes the slash command (Slack:Command) it names.
/// </summary>
public static class SlackMessages
{
    /// <summary>The ack of a command that finishes later, in the command's own progress words.</summary>
    public static SlackReply Working(string progress) => new($"{progress}…", [Blocks.Context($":hourglass_flowing_sand: {progress}… The link will appear here in a moment.")]);

    /// <param name="offerForms">Adds the buttons that open the share and generate forms.</param>
    public static SlackReply Notice(Notice notice, string emoji = ":warning:", bool offerForms = false)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var blocks = new JsonArray { Blocks.Section($"{emoji} *{Blocks.Escape(notice.Message)}*"), Blocks.Context(Blocks.Escape(notice.Hint)) };
        if (offerForms)
        {
            blocks.Add(HelpBlocks.ShareButtons());
        }

        return new SlackReply(notice.AsLine(), blocks);
    }

    /// <summary>A failure on OneTimeBot's side, in the words every platform uses.</summary>
    public static SlackReply Apology() => Notice(Notices.Apology);

    public static SlackReply ConfigRefused(string command) => Notice(new(
        "Only workspace admins and owners can change OneTimeBot's settings.",
        $"Ask an admin to run {command} config."), ":no_entry:");

    /// <summary>The answer to a slash command this OneTimeBot is not configured for, e.g. one renamed in the app but not in Slack:Command.</summary>
    public static SlackReply UnknownCommand(string command) => Notice(new(
        $"This OneTimeBot answers only {command}.",
        "Nothing was done. If you expected this command to work, ask whoever runs this OneTimeBot."), ":no_entry:");

    /// <summary>The whole answer to anything from a workspace outside Slack:AllowedTeams and Slack:AllowedEnterprises.</summary>
    public static SlackReply NotAvailable() => Notice(new(
        "This OneTimeBot is not available to this workspace.",
        "Nothing was done. If your workspace should be able to use it, ask whoever runs this OneTimeBot."), ":no_entry:");

    /// <summary>The answer to every command while the state store is down: nothing was acted on.</summary>
    public static SlackReply StorageDown() => Notice(new(
        "OneTimeBot cannot reach its storage right now, so it did nothing.",
        "Try again in a minute; if it keeps happening, tell whoever runs OneTimeBot."));

    public static SlackReply NotInstalled(string command) => Notice(new(
        "OneTimeBot is not installed in this workspace any more.",
        $"Ask an admin to install it again; until then only {command} share <secret> and {command} generate can answer here."));

    public static SlackReply NeedsBotToken(string command) => Notice(new(
        "This needs the Slack app's bot token, and this OneTimeBot runs without one.",
        $"Set Slack__BotToken (or install the app through /slack/install); meanwhile use {command} share <secret> or {command} generate."));

    public static SlackReply SlackFailed(string what, string error, string command) => Notice(new(
        $"Slack did not let me {what} ({error}).",
        $"Try again in a moment. If it keeps failing, {command} share <secret> works without a form."));

    /// <summary>In a DM, where no form can be opened from a typed message: the buttons that open one.</summary>
    public static SlackReply ShareButton() => new(
        "Share a secret: press the button to open the form.",
        [Blocks.Section("Press *Share a secret* to open the form. The secret goes straight to the secret service; this conversation only ever shows the link."), HelpBlocks.ShareButtons()]);

    /// <summary>In a DM, where no form can be opened from a typed message: the button that opens the generate form.</summary>
    public static SlackReply GenerateButton() => new(
        "Generate a password: press the button to open the form.",
        [Blocks.Section("Press *Generate a password* to choose its expiry, length and an optional passphrase. This conversation only ever shows the link."),
         Blocks.Actions(Blocks.Button("Generate a password", ActionIds.OpenGenerateForm, "generate", "primary"))]);

    /// <summary>In a DM, where the settings form cannot be opened: the command that opens it.</summary>
    public static SlackReply ConfigInDm(string command) => Notice(new(
        $"Settings are changed with {command} config.",
        "Type it in any channel or here in the message box, as a command."), ":gear:");

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
                $"*Longest expiry*\n{Ttl.Format(settings.MaxTtl)}",
                $"*Messages about links*\n{(settings.NotifyOwners ? "on, unless a person turned them off" : "off, unless a person turned them on")}"),
        };
        return new SlackReply("OneTimeBot's settings for this workspace are saved.", blocks);
    }
}
