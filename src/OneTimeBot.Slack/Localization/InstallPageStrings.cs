using OneTimeBot.Core.Localization;

namespace OneTimeBot.Slack.Localization;

/// <summary>
/// The words of the pages a browser shows while installing the Slack app (OAuth): <c>InstallPageStrings.resx</c>
/// (English) and <c>InstallPageStrings.sv.resx</c> (Swedish) beside this file.
/// </summary>
public static class InstallPageStrings
{
    public static TextCatalog Catalog { get; } = new(typeof(InstallPageStrings));

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string Get(string key) => Catalog[key];

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => Catalog.Format(key, args);
}
