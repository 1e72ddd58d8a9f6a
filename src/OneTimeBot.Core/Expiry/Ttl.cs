using System.Globalization;
using System.Text.RegularExpressions;

namespace OneTimeBot.Core.Expiry;

/// <summary>
/// Lifetimes as people write them: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>, <c>1w</c>, plain seconds
/// (<c>3600</c>), or words in English or Swedish (<c>1 hour</c>, <c>7 days</c>, <c>2 weeks</c>, <c>1h30m</c>,
/// <c>1 timme</c>, <c>2 dagar</c>, <c>1 vecka</c>). Printed back in English words, largest units first, so what is
/// printed parses to the same value; what a reader is shown in their language (see
/// <see cref="Localization.ReaderTime"/>) parses back too.
/// </summary>
public static partial class Ttl
{
    private static readonly (string Singular, TimeSpan Size)[] Units =
    [
        ("week", TimeSpan.FromDays(7)),
        ("day", TimeSpan.FromDays(1)),
        ("hour", TimeSpan.FromHours(1)),
        ("minute", TimeSpan.FromMinutes(1)),
        ("second", TimeSpan.FromSeconds(1)),
    ];

    public static bool TryParse(string? text, out TimeSpan ttl)
    {
        ttl = TimeSpan.Zero;
        var input = text?.Trim().ToLowerInvariant() ?? "";
        if (input.Length is 0 or > 64)
        {
            return false;
        }

        if (long.TryParse(input, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return seconds is > 0 and <= 100L * 365 * 86400 && Set(TimeSpan.FromSeconds(seconds), out ttl);
        }

        var parts = Part().Matches(input);
        if (parts.Count == 0 || string.Concat(parts.Select(p => p.Value)).Replace(" ", "", StringComparison.Ordinal) != input.Replace(" ", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal).Replace("and", "", StringComparison.Ordinal).Replace("och", "", StringComparison.Ordinal))
        {
            return false;
        }

        var total = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            if (!long.TryParse(part.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 100_000)
            {
                return false;
            }

            total += Unit(part.Groups["unit"].Value) * n;
        }

        return total > TimeSpan.Zero && total <= TimeSpan.FromDays(36500) && Set(total, out ttl);
    }

    /// <summary>"1 hour", "7 days", "1 hour 30 minutes", "90 seconds" (a minute and a half is not rounded away).</summary>
    public static string Format(TimeSpan ttl)
    {
        if (ttl < TimeSpan.FromSeconds(1))
        {
            return "0 seconds";
        }

        var left = TimeSpan.FromSeconds(Math.Floor(ttl.TotalSeconds));
        var words = new List<string>();
        foreach (var (singular, size) in Units)
        {
            var count = (long)(left.Ticks / size.Ticks);
            // Weeks read well only when they are whole: "10 days", not "1 week 3 days".
            if (count == 0 || (singular == "week" && left.Ticks % size.Ticks != 0))
            {
                continue;
            }

            words.Add(count == 1 ? $"1 {singular}" : $"{count.ToString(CultureInfo.InvariantCulture)} {singular}s");
            left -= size * count;
        }

        return string.Join(' ', words);
    }

    private static bool Set(TimeSpan value, out TimeSpan ttl)
    {
        ttl = value;
        return true;
    }

    private static TimeSpan Unit(string unit) => unit switch
    {
        "s" or "sec" or "secs" or "second" or "seconds" or "sek" or "sekund" or "sekunder" => TimeSpan.FromSeconds(1),
        "m" or "min" or "mins" or "minute" or "minutes" or "minut" or "minuter" => TimeSpan.FromMinutes(1),
        "h" or "hr" or "hrs" or "hour" or "hours" or "t" or "tim" or "timme" or "timmar" => TimeSpan.FromHours(1),
        "d" or "day" or "days" or "dag" or "dagar" => TimeSpan.FromDays(1),
        _ => TimeSpan.FromDays(7),
    };

    [GeneratedRegex(@"(?<n>\d+)\s*(?<unit>seconds|second|secs|sec|sekunder|sekund|sek|s|minutes|minute|minuter|minut|mins|min|m|hours|hour|hrs|hr|h|timmar|timme|tim|t|days|day|dagar|dag|d|weeks|week|wks|wk|w|veckor|vecka|v)(?![a-zåäö])")]
    private static partial Regex Part();
}
