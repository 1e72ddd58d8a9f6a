namespace OneTimeBot.Core.Sharing;

/// <summary>Counters that count within a window and are forgotten after it, shared by every replica.</summary>
public interface IRateCounter
{
    /// <summary>Adds one to <paramref name="key"/> and returns its count; the counter is forgotten <paramref name="lifetime"/> after it was created.</summary>
    Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
