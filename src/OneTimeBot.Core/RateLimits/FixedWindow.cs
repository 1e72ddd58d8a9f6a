using System.Globalization;

namespace OneTimeBot.Core.RateLimits;

/// <summary>
/// One window of a fixed-window rate limit: windows are whole multiples of <see cref="Length"/> since the Unix epoch,
/// so every replica agrees on which one <c>now</c> falls in, and each window counts from one.
/// </summary>
public readonly record struct FixedWindow(long Number, TimeSpan Length, TimeSpan Remaining)
{
    public static FixedWindow At(DateTimeOffset now, TimeSpan length)
    {
        var seconds = (long)length.TotalSeconds;
        var number = now.ToUnixTimeSeconds() / seconds;
        return new FixedWindow(number, length, DateTimeOffset.FromUnixTimeSeconds((number + 1) * seconds) - now);
    }

    /// <summary>Whole seconds until the next window, at least one: what a "try again in" says.</summary>
    public int RemainingSeconds => Math.Max(1, (int)Math.Ceiling(Remaining.TotalSeconds));

    /// <summary>The counter of <paramref name="name"/> in this window.</summary>
    public string Counter(string name) => name + ":" + Number.ToString(CultureInfo.InvariantCulture);
}
