namespace OneTimeBot.Core.Requests;

/// <summary>Where requests are kept until <see cref="StoredSecretRequest.KeepUntil"/>; one store shared by every replica.</summary>
public interface ISecretRequestStore
{
    /// <summary>Adds a new request; its id is new and random, so it replaces nothing.</summary>
    Task SaveAsync(StoredSecretRequest request, CancellationToken cancellationToken);

    /// <summary>The request with this id, whatever its state; null when there is none (or it was purged).</summary>
    Task<StoredSecretRequest?> FindAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Moves the request from <see cref="RequestState.Open"/> to <paramref name="to"/> if it is still open and not
    /// expired at <paramref name="now"/>, in one atomic step: of any number of callers, on any number of replicas, at
    /// most one ever gets true for a request.
    /// </summary>
    Task<bool> TryCloseAsync(string requestId, RequestState to, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a request that never reached the person asked.</summary>
    Task DeleteAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes every request of <paramref name="workspace"/> made up to <paramref name="madeUpTo"/>, open or closed, with
    /// whom it asked and who asked: the app was removed from the workspace then. Returns how many it deleted.
    /// </summary>
    Task<int> PurgeWorkspaceAsync(Workspaces.WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken);

    /// <summary>
    /// The Slack workspaces whose people asked for secrets through the Enterprise Grid org <paramref name="enterpriseId"/>
    /// (as the requester's reach says), for a purge when an org-wide install is removed.
    /// </summary>
    Task<IReadOnlyList<Workspaces.WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken);

    /// <summary>Deletes requests kept past <see cref="StoredSecretRequest.KeepUntil"/>; stores with native expiry do nothing.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
