using System.Diagnostics;
using System.Globalization;

namespace OneTimeBot.Bench;

/// <summary>p50, p99 and the slowest of a set of timings taken with <see cref="Stopwatch.GetTimestamp"/>.</summary>
internal readonly record struct StoreLatencies(int Count, double MeanMs, double P50Ms, double P99Ms, double MaxMs)
{
    public static StoreLatencies Of(ReadOnlySpan<long> ticks)
    {
        if (ticks.IsEmpty)
        {
            return default;
        }

        var sorted = ticks.ToArray();
        Array.Sort(sorted);
        var mean = 0.0;
        foreach (var t in sorted)
        {
            mean += Ms(t);
        }

        return new StoreLatencies(sorted.Length, mean / sorted.Length, Ms(At(sorted, 0.50)), Ms(At(sorted, 0.99)), Ms(sorted[^1]));
    }

    /// <summary>"p50 / p99 / max" in milliseconds, as one table cell.</summary>
    public string Cell => Count == 0 ? "–" : $"{Format(P50Ms)} / {Format(P99Ms)} / {Format(MaxMs)}";

    public static double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    /// <summary>Three significant figures or so: store operations run from microseconds to seconds.</summary>
    public static string Format(double ms) => ms switch
    {
        < 1 => ms.ToString("F3", CultureInfo.InvariantCulture),
        < 10 => ms.ToString("F2", CultureInfo.InvariantCulture),
        < 100 => ms.ToString("F1", CultureInfo.InvariantCulture),
        _ => ms.ToString("F0", CultureInfo.InvariantCulture),
    };

    private static long At(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
