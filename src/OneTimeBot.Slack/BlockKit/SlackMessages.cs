using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Workspaces;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>
/// Every short private message the Slack app sends besides cards and help: each says what happened and what to do.
/// A message that tells people what to type takes the slash command (Slack:Command) it names.
/// </summary>
public static class SlackMessages
{
    /// <summary>The ack of a command that finishes later, in the command's own progress words.</summary>
    public static SlackReply Working(string progress) => new($"{progress}…", [Blocks.Context(SlackStrings.Format("Message.Working", progress))]);

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
        SlackStrings.Get("Message.ConfigRefused"),
        SlackStrings.Format("Message.ConfigRefused.Hint", command)), ":no_entry:");

    /// <summary>The answer to a slash command this OneTimeBot is not configured for, e.g. one renamed in the app but not in Slack:Command.</summary>
    public static SlackReply UnknownCommand(string command) => Notice(new(
        SlackStrings.Format("Message.UnknownCommand", command),
        SlackStrings.Get("Message.UnknownCommand.Hint")), ":no_entry:");

    /// <summary>The whole answer to anything from a workspace outside Slack:AllowedTeams and Slack:AllowedEnterprises.</summary>
    public static SlackReply NotAvailable() => Notice(new(
        SlackStrings.Get("Message.NotAvailable"),
        SlackStrings.Get("Message.NotAvailable.Hint")), ":no_entry:");

    /// <summary>The answer to every command while the state store is down: nothing was acted on.</summary>
    public static SlackReply StorageDown() => Notice(new(
        SlackStrings.Get("Message.StorageDown"),
        SlackStrings.Get("Message.StorageDown.Hint")));

    public static SlackReply NotInstalled(string command) => Notice(new(
        SlackStrings.Get("Message.NotInstalled"),
        SlackStrings.Format("Message.NotInstalled.Hint", command)));

    public static SlackReply NeedsBotToken(string command) => Notice(new(
        SlackStrings.Get("Message.NeedsBotToken"),
        SlackStrings.Format("Message.NeedsBotToken.Hint", command)));

    /// <param name="what">What Slack did not let happen, as it follows "Slack did not let me", in the reader's language.</param>
    /// <param name="error">Slack's error code, or why there was none to call Slack with.</param>
    public static SlackReply SlackFailed(string what, string error, string command) => Notice(new(
        SlackStrings.Format("Message.SlackFailed", what, error),
        SlackStrings.Format("Message.SlackFailed.Hint", command)));

    /// <summary>In a DM, where no form can be opened from a typed message: the buttons that open one.</summary>
    public static SlackReply ShareButton() => new(
        SlackStrings.Get("Message.ShareButton.Fallback"),
        [Blocks.Section(SlackStrings.Get("Message.ShareButton")), HelpBlocks.ShareButtons()]);

    /// <summary>In a DM, where no form can be opened from a typed message: the button that opens the generate form.</summary>
    public static SlackReply GenerateButton() => new(
        SlackStrings.Get("Message.GenerateButton.Fallback"),
        [Blocks.Section(SlackStrings.Get("Message.GenerateButton")),
         Blocks.Actions(Blocks.Button(SlackStrings.Get("Button.Generate"), ActionIds.OpenGenerateForm, "generate", "primary"))]);

    /// <summary>In a DM, where the settings form cannot be opened: the command that opens it.</summary>
    public static SlackReply ConfigInDm(string command) => Notice(new(
        SlackStrings.Format("Message.ConfigInDm", command),
        SlackStrings.Get("Message.ConfigInDm.Hint")), ":gear:");

    public static SlackReply SettingsSaved(WorkspaceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var saved = SlackStrings.Get("Message.SettingsSaved");
        var account = Blocks.Escape(settings.Username ?? SlackStrings.Get("Settings.Anonymous"));
        var blocks = new JsonArray
        {
            Blocks.Section($":white_check_mark: *{saved}*"),
            Blocks.Fields(
                Fact(SlackStrings.Get("Settings.Service"), Blocks.Escape(settings.IsEmbedded ? SlackStrings.Get("Settings.Embedded") : settings.Backend)),
                Fact(SlackStrings.Get("Settings.Account"), settings.HasApiToken ? SlackStrings.Format("Settings.AccountWithToken", account) : account),
                Fact(SlackStrings.Get("Settings.DefaultExpiry"), ReaderTime.Duration(settings.DefaultTtl)),
                Fact(SlackStrings.Get("Settings.MaxExpiry"), ReaderTime.Duration(settings.MaxTtl)),
                Fact(SlackStrings.Get("Settings.Notify"), settings.NotifyOwners ? SlackStrings.Get("Settings.Notify.On") : SlackStrings.Get("Settings.Notify.Off"))),
        };
        return new SlackReply(saved, blocks);
    }

    private static string Fact(string label, string value) => $"*{label}*\n{value}";
}
