using OneTimeBot.Core.Localization;

namespace OneTimeBot.Teams.Localization;

/// <summary>
/// The words only Teams says (its cards' labels, forms, chat replies and delivery problems): <c>TeamsStrings.resx</c>
/// (English) and <c>TeamsStrings.sv.resx</c> (Swedish) beside this file. What every platform says comes from
/// <see cref="CoreStrings"/>.
/// </summary>
public static class TeamsStrings
{
    public static TextCatalog Catalog { get; } = new(typeof(TeamsStrings));

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string Get(string key) => Catalog[key];

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => Catalog.Format(key, args);
}
