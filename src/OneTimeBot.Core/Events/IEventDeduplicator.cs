namespace OneTimeBot.Core.Events;

/// <summary>
/// Remembers event ids (a Slack <c>event_id</c>, a Teams activity id) so a platform's retry of an event is not acted
/// on twice: a retried DM must never create a second secret.
/// </summary>
public interface IEventDeduplicator
{
    /// <summary>True the first time <paramref name="eventKey"/> is seen within <paramref name="window"/>; false for repeats.</summary>
    Task<bool> TryClaimAsync(string eventKey, TimeSpan window, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
