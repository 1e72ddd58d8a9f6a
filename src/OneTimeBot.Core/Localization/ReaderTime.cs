namespace OneTimeBot.Core.Localization;

/// <summary>
/// Durations, times from now and instants as the reader's language writes them (the current culture, see
/// <see cref="LanguageScope"/>): "1 hour 30 minutes" / "1 timme 30 minuter", "in 2 days" / "om 2 dagar",
/// "2026-11-30 11:06 UTC" / "30 nov. 2026 11:06 UTC". Only for text a person reads: what is parsed back, stored or sent
/// on the wire keeps its invariant form (<see cref="Expiry.Ttl.Format"/>, ISO 8601).
/// </summary>
public static class ReaderTime
{
    private enum Unit
    {
        Week,
        Day,
        Hour,
        Minute,
        Second,
    }

    private static readonly (Unit Unit, TimeSpan Size)[] Units =
    [
        (Unit.Week, TimeSpan.FromDays(7)),
        (Unit.Day, TimeSpan.FromDays(1)),
        (Unit.Hour, TimeSpan.FromHours(1)),
        (Unit.Minute, TimeSpan.FromMinutes(1)),
        (Unit.Second, TimeSpan.FromSeconds(1)),
    ];

    /// <summary>
    /// A length of time, largest units first, each with its singular or plural: "1 day", "7 days", "1 hour 30 minutes",
    /// "90 seconds" is "1 minute 30 seconds". Weeks only when whole ("10 days", not "1 week 3 days"); parts of a second
    /// are dropped. In English it reads exactly as <see cref="Expiry.Ttl.Format"/> prints it.
    /// </summary>
    public static string Duration(TimeSpan span)
    {
        if (span < TimeSpan.FromSeconds(1))
        {
            return Count(Unit.Second, 0);
        }

        var left = TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds));
        var words = new List<string>();
        foreach (var (unit, size) in Units)
        {
            var count = left.Ticks / size.Ticks;
            if (count == 0 || (unit == Unit.Week && left.Ticks % size.Ticks != 0))
            {
                continue;
            }

            words.Add(Count(unit, count));
            left -= size * count;
        }

        return string.Join(' ', words);
    }

    /// <summary>A count of seconds as it is, not made into minutes: "90 seconds" / "90 sekunder", "1 second".</summary>
    public static string Seconds(long count) => Count(Unit.Second, count);

    /// <summary>A time from now: "in 2 days" / "om 2 dagar".</summary>
    public static string In(TimeSpan span) => CoreStrings.Format("Time.In", Duration(span));

    /// <summary>An instant in UTC, saying so, for a reader whose time zone is not known: "2026-11-30 11:06 UTC" / "30 nov. 2026 11:06 UTC".</summary>
    public static string At(DateTimeOffset at) => CoreStrings.Format("Time.AtUtc", at.UtcDateTime);

    /// <summary>An instant in the reader's own time zone: "2026-11-30 11:06" / "30 nov. 2026 11:06".</summary>
    public static string At(DateTimeOffset at, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return CoreStrings.Format("Time.At", TimeZoneInfo.ConvertTime(at, zone).DateTime);
    }

    // A count's singular or plural. Both languages here have just "one" and "other"; a language with more plural forms
    // gets its own rule here.
    private static string Count(Unit unit, long count) => (unit, count == 1) switch
    {
        (Unit.Week, true) => CoreStrings.Format("Time.Weeks.One", count),
        (Unit.Week, false) => CoreStrings.Format("Time.Weeks.Other", count),
        (Unit.Day, true) => CoreStrings.Format("Time.Days.One", count),
        (Unit.Day, false) => CoreStrings.Format("Time.Days.Other", count),
        (Unit.Hour, true) => CoreStrings.Format("Time.Hours.One", count),
        (Unit.Hour, false) => CoreStrings.Format("Time.Hours.Other", count),
        (Unit.Minute, true) => CoreStrings.Format("Time.Minutes.One", count),
        (Unit.Minute, false) => CoreStrings.Format("Time.Minutes.Other", count),
        (_, true) => CoreStrings.Format("Time.Seconds.One", count),
        (_, false) => CoreStrings.Format("Time.Seconds.Other", count),
    };
}
