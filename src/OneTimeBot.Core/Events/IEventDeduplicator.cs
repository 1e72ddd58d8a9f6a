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
    /// True when <paramref name="eventKey"/> was claimed and its window has not passed; claims nothing. For what must be
    /// done before the claim, but not again for a repeat.
    /// </summary>
    Task<bool> WasClaimedAsync(string eventKey, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
