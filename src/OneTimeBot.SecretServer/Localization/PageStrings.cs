using OneTimeBot.Core.Localization;

namespace OneTimeBot.SecretServer.Localization;

/// <summary>
/// The words of the secret service's pages (reveal, receipt, refusals): <c>PageStrings.resx</c> (English) and
/// <c>PageStrings.sv.resx</c> (Swedish) beside this file. The v1 API's own messages stay English, as the API has them.
/// </summary>
public static class PageStrings
{
    public static TextCatalog Catalog { get; } = new(typeof(PageStrings));

    /// <summary>The text for <paramref name="key"/> in the current UI culture.</summary>
    public static string Get(string key) => Catalog[key];

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in the current culture.</summary>
    public static string Format(string key, params object?[] args) => Catalog.Format(key, args);
}
