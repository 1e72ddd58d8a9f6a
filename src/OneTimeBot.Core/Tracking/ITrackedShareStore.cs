using OneTimeBot.Core.Sharing;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// The links the bot watches for their owners, in the deployment's shared store, so that every replica sees the same
/// state: each change below is one atomic step, and the ones that say "first" decide between replicas.
/// </summary>
public interface ITrackedShareStore
{
    /// <summary>Saves a new link, due for its first poll at its <see cref="TrackedShare.NextPollAt"/>: one insert.</summary>
    Task SaveAsync(TrackedShare share, CancellationToken cancellationToken);

    Task<TrackedShare?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The link the embedded secret service files under <paramref name="backendReceiptId"/>, if the bot tracks it.</summary>
    Task<TrackedShare?> FindByBackendReceiptAsync(string backendReceiptId, CancellationToken cancellationToken);

    /// <summary>The owner's newest links, newest first, at most <see cref="TrackedShare.RecentPerOwner"/>, none kept past its time.</summary>
    Task<IReadOnlyList<TrackedShare>> RecentAsync(WorkspaceId workspace, string ownerUserId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Takes up to <paramref name="count"/> links whose poll is due at <paramref name="now"/>, each for one replica only:
    /// its next poll moves to <paramref name="leaseUntil"/>, so no other replica takes it before then, and a replica that
    /// stops mid-poll leaves it to be taken again after.
    /// </summary>
    Task<IReadOnlyList<TrackedShare>> LeaseDuePollsAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int count, CancellationToken cancellationToken);

    /// <summary>Sets when the next poll is due, unless the link's status was settled meanwhile.</summary>
    Task ReschedulePollAsync(string id, DateTimeOffset next, CancellationToken cancellationToken);

    /// <summary>
    /// Settles the link's final status, first come first served, and ends its polling; true for the call that settled it.
    /// Unless its message was decided already, the poller's pass is offered the link at <paramref name="offerAt"/>, so
    /// that the message still goes if whoever settled it stops before claiming it (see <see cref="NotificationClaim"/>).
    /// </summary>
    Task<bool> SettleAsync(string id, SecretStatus status, DateTimeOffset at, DateTimeOffset offerAt, CancellationToken cancellationToken);

    /// <summary>
    /// Claims the one message about the link's status until <paramref name="until"/>; true for the one call that gets it.
    /// A claim still held at <paramref name="now"/>, or a message whose outcome is recorded, cannot be taken; a claim that
    /// ran out with no outcome (its holder stopped) can. On a settled link, the poller's pass is offered it again at
    /// <paramref name="until"/>, for the claim that runs out.
    /// </summary>
    Task<bool> TryClaimNotificationAsync(string id, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Gives a claim back, so the message can go after all, unless an outcome was recorded.</summary>
    Task ReleaseNotificationAsync(string id, CancellationToken cancellationToken);

    /// <summary>Records what came of the message: it is decided, and offered to the poller's pass no more.</summary>
    Task RecordNotificationAsync(string id, NotificationOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Deletes links kept past <see cref="TrackedShare.KeepUntil"/>; stores with native expiry do nothing.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every link of <paramref name="workspace"/> made up to <paramref name="madeUpTo"/>, whatever its state, with
    /// its place in its owner's list and its polls, which stop: the app was removed from the workspace then. Links made
    /// later (the app was installed again) stay. Returns how many links it deleted.
    /// </summary>
    Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken);

    /// <summary>
    /// The Slack workspaces whose people made links through the Enterprise Grid org <paramref name="enterpriseId"/>
    /// (as their reach says), for a purge when an org-wide install is removed; links kept past their time may count.
    /// </summary>
    Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken);

    /// <summary>
    /// Gives the claim on a settled link's message back and has the poller's pass offer it again at <paramref name="next"/>,
    /// unless an outcome was recorded: the platform turned it away for now, or sending it threw.
    /// </summary>
    Task RetryNotificationAsync(string id, DateTimeOffset next, CancellationToken cancellationToken);

    /// <summary>Stops offering a settled link to the poller's pass, as when its message was decided; a link not settled keeps its polls.</summary>
    Task EndNotificationRetriesAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Sets whom the link went to, as learnt once it was sent: the name the platform gave, or nobody when it could not be
    /// sent. One write.
    /// </summary>
    Task SetSentToAsync(string id, Person? sentTo, CancellationToken cancellationToken);
}
