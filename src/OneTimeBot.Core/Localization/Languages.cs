using System.Globalization;

namespace OneTimeBot.Core.Localization;

/// <summary>
/// The languages OneTimeBot speaks, and how a platform's language tag (Slack's <c>user.locale</c>, Teams'
/// <c>activity.locale</c>, a browser's <c>Accept-Language</c>) picks one. Anything not spoken falls back to English.
/// </summary>
public static class Languages
{
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv");

    /// <summary>Every language with complete resources, English (the fallback) first.</summary>
    public static IReadOnlyList<CultureInfo> Supported { get; } = [English, Swedish];

    /// <summary>
    /// The spoken language for one tag (<c>sv-SE</c>, <c>sv_SE</c>, <c>SV</c>, <c>en-GB</c>), or null when the tag names
    /// none OneTimeBot speaks. Only the language part counts: the region sets no words.
    /// </summary>
    public static CultureInfo? TryFind(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35)
        {
            return null;
        }

        var language = tag.Trim().Replace('_', '-').Split('-')[0];
        return Supported.FirstOrDefault(c => string.Equals(c.TwoLetterISOLanguageName, language, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The language for one tag; English when it names none OneTimeBot speaks.</summary>
    public static CultureInfo From(string? tag) => TryFind(tag) ?? English;

    /// <summary>
    /// The first language OneTimeBot speaks in an <c>Accept-Language</c> header, by the browser's own order of preference
    /// (its q-values, ties kept in the order written); English when none is spoken or the header is malformed.
    /// </summary>
    public static CultureInfo FromAcceptLanguage(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 1000)
        {
            return English;
        }

        var ranked = header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Take(20)
            .Select((entry, index) => (Entry: entry.Split(';')[0].Trim(), Quality: Quality(entry), Index: index))
            .Where(e => e.Quality > 0)
            .OrderByDescending(e => e.Quality)
            .ThenBy(e => e.Index);
        foreach (var (entry, _, _) in ranked)
        {
            if (TryFind(entry) is { } culture)
            {
                return culture;
            }
        }

        return English;
    }

    private static double Quality(string entry)
    {
        var q = entry.Split(';').Skip(1).Select(p => p.Trim()).FirstOrDefault(p => p.StartsWith("q=", StringComparison.OrdinalIgnoreCase));
        return q is null ? 1 : double.TryParse(q.AsSpan(2), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }
}
