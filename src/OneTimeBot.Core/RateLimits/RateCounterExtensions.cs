namespace OneTimeBot.Core.RateLimits;

public static class RateCounterExtensions
{
    /// <summary>Counts one more for <paramref name="name"/> in <paramref name="window"/>; its counter is kept for one window's length.</summary>
    public static Task<long> CountAsync(this IRateCounter counter, string name, FixedWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return counter.IncrementAsync(window.Counter(name), window.Length, cancellationToken);
    }

    /// <summary>
    /// Counts one more for each of <paramref name="limits"/>' names in <paramref name="window"/>, in turn, stopping at
    /// the first over its limit; returns its index, or -1. Limits of zero or less are off: those names are not counted.
    /// </summary>
    public static async Task<int> CountInTurnAsync(
        this IRateCounter counter, IReadOnlyList<(string Name, long Limit)> limits, FixedWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        ArgumentNullException.ThrowIfNull(limits);
        var counters = new List<CounterLimit>(limits.Count);
        var indexes = new List<int>(limits.Count);
        for (var i = 0; i < limits.Count; i++)
        {
            if (limits[i].Limit > 0)
            {
                counters.Add(new CounterLimit(window.Counter(limits[i].Name), limits[i].Limit));
                indexes.Add(i);
            }
        }

        if (counters.Count == 0)
        {
            return -1;
        }

        var over = await counter.IncrementInTurnAsync(counters, window.Length, cancellationToken).ConfigureAwait(false);
        return over < 0 ? -1 : indexes[over];
    }
}
