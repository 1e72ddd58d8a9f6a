namespace OneTimeBot.Core.Expiry;

/// <summary>The expiries every form offers, as (value, label); each value is what <see cref="Ttl.TryParse"/> reads.</summary>
public static class ExpiryChoices
{
    public static readonly IReadOnlyList<(string Value, string Label)> Standard =
    [
        ("5m", "5 minutes"), ("15m", "15 minutes"), ("30m", "30 minutes"), ("1h", "1 hour"), ("4h", "4 hours"),
        ("12h", "12 hours"), ("1d", "1 day"), ("3d", "3 days"), ("7d", "7 days"), ("14d", "14 days"), ("30d", "30 days"),
    ];

    /// <summary>The standard choices up to <paramref name="max"/>, with <paramref name="initial"/> among them even when it is not a standard one.</summary>
    public static IReadOnlyList<(string Value, string Label)> UpTo(TimeSpan max, TimeSpan initial)
    {
        var choices = Standard.Where(e => Ttl.TryParse(e.Value, out var t) && t <= max).ToList();
        if (!choices.Any(c => Ttl.TryParse(c.Value, out var t) && t == initial))
        {
            choices.Add((ValueFor(initial), Ttl.Format(initial)));
            choices.Sort((a, b) => Seconds(a.Value).CompareTo(Seconds(b.Value)));
        }

        return choices;
    }

    /// <summary>The choice value that stands for <paramref name="ttl"/>: a standard one, else plain seconds.</summary>
    public static string ValueFor(TimeSpan ttl) =>
        Standard.FirstOrDefault(e => Ttl.TryParse(e.Value, out var t) && t == ttl).Value
        ?? ((long)ttl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static double Seconds(string value) => Ttl.TryParse(value, out var t) ? t.TotalSeconds : double.MaxValue;
}
