using System.Globalization;
using System.Text.Json.Nodes;
using OneTimeBot.Slack.Localization;

namespace OneTimeBot.Slack.BlockKit;

/// <summary>The few Block Kit elements OneTimeBot sends, as JSON in Slack's own shape.</summary>
public static class Blocks
{
    public static JsonObject Header(string text) => new()
    {
        ["type"] = "header",
        ["text"] = PlainText(Limit(text, BlockKitLimits.HeaderText)),
    };

    public static JsonObject Section(string markdown) => new()
    {
        ["type"] = "section",
        ["text"] = Markdown(Limit(markdown, BlockKitLimits.SectionText)),
    };

    public static JsonObject Fields(params string[] markdownFields) => new()
    {
        ["type"] = "section",
        ["fields"] = new JsonArray(markdownFields.Take(BlockKitLimits.SectionFields).Select(f => (JsonNode?)Markdown(Limit(f, BlockKitLimits.FieldText))).ToArray()),
    };

    public static JsonObject Context(params string[] markdownElements) => new()
    {
        ["type"] = "context",
        ["elements"] = new JsonArray(markdownElements.Take(BlockKitLimits.ContextElements).Select(e => (JsonNode?)Markdown(Limit(e, BlockKitLimits.SectionText))).ToArray()),
    };

    public static JsonObject Actions(params JsonObject[] elements) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JsonArray(elements.Select(e => (JsonNode?)e).ToArray()),
    };

    public static JsonObject Button(string text, string actionId, string value, string? style = null, JsonObject? confirm = null)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["text"] = PlainText(Limit(text, BlockKitLimits.ButtonText)),
            ["action_id"] = actionId,
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        if (confirm is not null)
        {
            button["confirm"] = confirm;
        }

        return button;
    }

    public static JsonObject Confirm(string title, string text, string confirm, string deny) => new()
    {
        ["title"] = PlainText(Limit(title, BlockKitLimits.ConfirmTitle)),
        ["text"] = PlainText(Limit(text, BlockKitLimits.ConfirmText)),
        ["confirm"] = PlainText(Limit(confirm, BlockKitLimits.ConfirmButton)),
        ["deny"] = PlainText(Limit(deny, BlockKitLimits.ConfirmButton)),
        ["style"] = "danger",
    };

    /// <summary>
    /// A date Slack shows in each reader's own time zone, in the words of the current language around Slack's own date
    /// and time tokens, with an ISO-like UTC fallback for clients that cannot.
    /// </summary>
    public static string LocalDate(DateTimeOffset at) =>
        string.Create(CultureInfo.InvariantCulture, $"<!date^{at.ToUnixTimeSeconds()}^{SlackStrings.Get("Date.At")}|{at.UtcDateTime:yyyy-MM-dd HH:mm} UTC>");

    /// <summary>Escapes the three characters Slack's mrkdwn treats as markup.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Markdown(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };

    internal static string Limit(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
