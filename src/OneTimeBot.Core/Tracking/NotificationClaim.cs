using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// The times that keep the one message about a settled link from being lost when a replica stops, without any live
/// replica sending it twice. Settling a link offers its message to the poller's pass <see cref="OfferedAfterSettle"/>
/// later, in case whoever settled it stops before claiming it. A claim is a lease of <see cref="Lease"/>: its holder
/// decides the message well within it (sending is cancelled after <see cref="SendBudget"/>), and once it runs out with
/// nothing recorded, its holder stopped, and the poller's pass, offered the link again then, may take it.
/// </summary>
public static class NotificationClaim
{
    /// <summary>How long after a link is settled the poller's pass looks for its message, if nobody decided it by then.</summary>
    public static readonly TimeSpan OfferedAfterSettle = TimeSpan.FromMinutes(2);

    /// <summary>How long a claim on the message holds: longer than sending it, or an owner's burn, can take.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>How long sending may take before it is given up and tried again later: well inside the lease.</summary>
    public static readonly TimeSpan SendBudget = TimeSpan.FromMinutes(2);

    /// <summary>Settles the link, its message offered to the poller's pass if nobody has decided it by then.</summary>
    public static Task<bool> SettleAsync(this ITrackedShareStore store, string id, SecretStatus status, DateTimeOffset at, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        return store.SettleAsync(id, status, at, time.GetUtcNow() + OfferedAfterSettle, cancellationToken);
    }

    /// <summary>Claims the link's message for one <see cref="Lease"/> from now; true for the one call that gets it.</summary>
    public static Task<bool> ClaimAsync(this ITrackedShareStore store, string id, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        return store.TryClaimNotificationAsync(id, now, now + Lease, cancellationToken);
    }
}
