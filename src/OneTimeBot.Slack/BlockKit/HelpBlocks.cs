using System.Text.Json.Nodes;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>The short private help, with buttons that open the share and generate forms.</summary>
public static class HelpBlocks
{
    public const string OpenShareAction = "open_share_modal";
    public const string OpenGenerateAction = "open_generate_modal";

    /// <param name="prefix">How commands are typed where the help is shown: <c>/onetime </c> in channels, nothing in a DM.</param>
    public static SlackReply Render(string prefix, string? problem = null)
    {
        var blocks = new JsonArray();
        if (problem is not null)
        {
            blocks.Add(Blocks.Section($":thinking_face: *{Blocks.Escape(problem)}*"));
        }

        blocks.Add(Blocks.Section(
            ":lock: *OneTimeBot* turns a secret into a link that works *once*, so it never sits in chat history.\n" +
            $"• `{prefix}share`: a form for the secret, its expiry, a passphrase and the recipient\n" +
            $"• `{prefix}share {Blocks.Escape("<secret>")}`: a link straight away, with the default expiry\n" +
            $"• `{prefix}generate [expiry] [length]`: a random password behind a link, e.g. `{prefix}generate 24h 20`\n" +
            "• `/onetime config`: this workspace's settings (admins and owners)"));
        blocks.Add(ShareButtons());
        var text = problem is null
            ? $"OneTimeBot: {prefix}share, {prefix}share <secret>, {prefix}generate [expiry] [length], /onetime config"
            : $"{problem} Try {prefix}share, {prefix}generate [expiry] [length] or {prefix}help.";
        return new SlackReply(text, blocks);
    }

    public static JsonObject ShareButtons() => Blocks.Actions(
        Blocks.Button("Share a secret", OpenShareAction, "share", "primary"),
        Blocks.Button("Generate a password", OpenGenerateAction, "generate"));
}
