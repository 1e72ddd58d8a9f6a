using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>The short private help, laid out from the commands' own help lines, with buttons that open the share and generate forms.</summary>
public static class HelpBlocks
{
    /// <param name="help">The help the core generated.</param>
    /// <param name="slashCommand">The slash command the help was asked with, which prefixes every usage; null in a DM, where commands are typed bare.</param>
    public static SlackReply Render(HelpReply help, string? slashCommand)
    {
        ArgumentNullException.ThrowIfNull(help);
        var prefix = slashCommand is null ? "" : slashCommand + " ";
        // A DM keeps what is typed in it, so a usage a chat refuses (a secret after share) is not offered there.
        var lines = help.Lines.Where(l => slashCommand is not null || !l.SlashCommandOnly).ToList();
        var blocks = new JsonArray();
        if (help.Problem is { } problem)
        {
            blocks.Add(Blocks.Section($":thinking_face: *{Blocks.Escape(problem)}*"));
        }

        blocks.Add(Blocks.Section(
            SlackStrings.Get("Intro") + "\n" +
            string.Join('\n', lines.Select(l => $"• `{Blocks.Escape(prefix + l.Usage)}`: {Blocks.Escape(l.Description)}" +
                                                (l.Example is { } example ? SlackStrings.Format("Help.Example", Blocks.Escape(prefix + example)) : "")))));
        blocks.Add(ShareButtons());
        var usages = "OneTimeBot: " + string.Join(", ", lines.Select(l => prefix + l.Usage));
        return new SlackReply(help.Problem is { } said ? $"{said} {usages}" : usages, blocks);
    }

    public static JsonObject ShareButtons() => Blocks.Actions(
        Blocks.Button(SlackStrings.Get("Button.Share"), ActionIds.OpenShareForm, "share", "primary"),
        Blocks.Button(SlackStrings.Get("Button.Generate"), ActionIds.OpenGenerateForm, "generate"));
}
