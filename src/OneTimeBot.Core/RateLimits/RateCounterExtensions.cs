namespace OneTimeBot.Core.RateLimits;

public static class RateCounterExtensions
{
    /// <summary>Counts one more for <paramref name="name"/> in <paramref name="window"/>; its counter is kept for one window's length.</summary>
    public static Task<long> CountAsync(this IRateCounter counter, string name, FixedWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(counter);
        return counter.IncrementAsync(window.Counter(name), window.Length, cancellationToken);
    }
}
