namespace OneTimeBot.Core.Events;

/// <summary>
/// Remembers event ids (a Slack <c>event_id</c>, a Teams activity id) so a platform's retry of an event is not acted
/// on twice: a retried DM must never create a second secret.
/// </summary>
public interface IEventDeduplicator
{
    /// <summary>True the first time <paramref name="eventKey"/> is seen within <paramref name="window"/>; false for repeats.</summary>
    Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken);

    /// <summary>
    /// A claim on <paramref name="eventKey"/> that a store may write with the caller's next write instead of on its own
    /// (SQLite's group commit), or null for a repeat. The key is refused to every other caller in this process at once;
    /// the caller acts on the event and awaits <see cref="PendingClaim.StoredAsync"/> before it answers.
    /// <paramref name="keyTime"/> is a time every repeat of the event carries too (a signed request's timestamp): a store
    /// may file the key under it, so that claims are appended in time order instead of landing all over its index. A key
    /// claimed with a time is a repeat only of claims made with the same time.
    /// </summary>
    async Task<PendingClaim?> ClaimWithNextWriteAsync(string eventKey, TimeSpan window, DateTimeOffset? keyTime, CancellationToken cancellationToken) =>
        await TryClaimAsync(eventKey, window, cancellationToken).ConfigureAwait(false) ? PendingClaim.Stored : null;

    /// <summary>
    /// True when <paramref name="eventKey"/> was claimed and its window has not passed; claims nothing. For what must be
    /// done before the claim, but not again for a repeat.
    /// </summary>
    Task<bool> WasClaimedAsync(string eventKey, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
