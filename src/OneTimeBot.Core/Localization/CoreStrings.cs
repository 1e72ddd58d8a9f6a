namespace OneTimeBot.Core.Localization;

/// <summary>
/// The words the core says on every platform (notices, errors, direct messages, durations): <c>CoreStrings.resx</c>
/// (English) and <c>CoreStrings.sv.resx</c> (Swedish) beside this file.
/// </summary>
public static class CoreStrings
{
    public static TextCatalog Catalog { get; } = new(typeof(CoreStrings));

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string Get(string key) => Catalog[key];

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => Catalog.Format(key, args);
}
