using System.Text.Json.Nodes;
using OneTimeBot.Core.Commands;

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
            ":lock: *OneTimeBot* turns a secret into a link that works *once*, so it never sits in chat history.\n" +
            string.Join('\n', lines.Select(l => $"• `{Blocks.Escape(prefix + l.Usage)}`: {Blocks.Escape(l.Description)}" +
                                                (l.Example is { } example ? $", e.g. `{Blocks.Escape(prefix + example)}`" : "")))));
        blocks.Add(ShareButtons());
        var usages = "OneTimeBot: " + string.Join(", ", lines.Select(l => prefix + l.Usage));
        return new SlackReply(help.Problem is { } said ? $"{said} {usages}" : usages, blocks);
    }

    public static JsonObject ShareButtons() => Blocks.Actions(
        Blocks.Button("Share a secret", ActionIds.OpenShareForm, "share", "primary"),
        Blocks.Button("Generate a password", ActionIds.OpenGenerateForm, "generate"));
}
