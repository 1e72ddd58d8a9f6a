namespace OneTimeBot.Core.RateLimits;

/// <summary>
/// Counters and pauses in the deployment's shared store, so every replica counts and waits together: the bot's creation limits and the
/// embedded secret service's rate limits both count with it. Callers keep their counters apart by a prefix of their own.
/// </summary>
public interface IRateCounter
{
    /// <summary>
    /// Adds one to the counter <paramref name="key"/> and returns its count. A counter lives for
    /// <paramref name="lifetime"/> from its first increment; after that it counts from one again.
    /// </summary>
    Task<long> IncrementAsync(string key, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Adds one to each of <paramref name="counters"/> in turn, as <see cref="IncrementAsync"/> would, and stops at the
    /// first whose count passes its limit: returns that counter's index, or -1 when none did. A command refused by its
    /// user's limit is thus not counted against the workspace's. Stores do it in one round trip, and may answer before
    /// the counts are durable (Redis keeps them in memory; SQLite answers before its commit): for flood limits, where a
    /// count lost to a crash lets a few more through. <see cref="IncrementAsync"/> waits until its count is stored, for
    /// limits such as passphrase attempts, where a lost count is a guess more.
    /// </summary>
    Task<int> IncrementInTurnAsync(IReadOnlyList<CounterLimit> counters, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>
    /// Pauses <paramref name="key"/> until <paramref name="until"/>, or keeps a longer pause already set: every replica
    /// sees it at once. The store forgets the pause after it ends.
    /// </summary>
    Task PauseAsync(string key, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>When the pause on <paramref name="key"/> ends, if one is still on at <paramref name="now"/>; otherwise null.</summary>
    Task<DateTimeOffset?> PausedUntilAsync(string key, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Deletes counters whose lifetime ended before <paramref name="now"/>; stores with native expiry have nothing to do.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
