using System.Globalization;
using OneTimeBot.Core.Localization;

namespace OneTimeBot.Core.Expiry;

/// <summary>
/// The expiries every form offers, as (value, label): each value is what <see cref="Ttl.TryParse"/> reads, each label
/// the lifetime in the reader's words ("1 hour" / "1 timme"), written when asked for.
/// </summary>
public static class ExpiryChoices
{
    private static readonly string[] StandardValues = ["5m", "15m", "30m", "1h", "4h", "12h", "1d", "3d", "7d", "14d", "30d"];

    public static IReadOnlyList<(string Value, string Label)> Standard => [.. StandardValues.Select(v => (v, ReaderTime.Duration(Parsed(v))))];

    /// <summary>The standard choices up to <paramref name="max"/>, with <paramref name="initial"/> among them even when it is not a standard one.</summary>
    public static IReadOnlyList<(string Value, string Label)> UpTo(TimeSpan max, TimeSpan initial)
    {
        var choices = Standard.Where(e => Parsed(e.Value) <= max).ToList();
        if (!choices.Any(c => Parsed(c.Value) == initial))
        {
            choices.Add((ValueFor(initial), ReaderTime.Duration(initial)));
            choices.Sort((a, b) => Parsed(a.Value).CompareTo(Parsed(b.Value)));
        }

        return choices;
    }

    /// <summary>The choice value that stands for <paramref name="ttl"/>: a standard one, else plain seconds.</summary>
    public static string ValueFor(TimeSpan ttl) =>
        StandardValues.FirstOrDefault(v => Parsed(v) == ttl)
        ?? ((long)ttl.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static TimeSpan Parsed(string value) => Ttl.TryParse(value, out var t) ? t : TimeSpan.MaxValue;
}
