using OneTimeBot.Core.Localization;

namespace OneTimeBot.Slack.Localization;

/// <summary>
/// The words only the Slack app says (its modals, buttons, help and short messages, and why Slack would not deliver a
/// direct message): <c>SlackStrings.resx</c> (English) and <c>SlackStrings.sv.resx</c> (Swedish) beside this file.
/// Mrkdwn that belongs to a sentence stays in the text; names, links and dates come in through placeholders.
/// </summary>
public static class SlackStrings
{
    public static TextCatalog Catalog { get; } = new(typeof(SlackStrings));

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string Get(string key) => Catalog[key];

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => Catalog.Format(key, args);
}
