namespace OneTimeBot.Core.Storage;

/// <summary>
/// Purges app removals still owe, kept in the shared store from before the removal is acknowledged until every step
/// of its purge succeeded: a host that stops half way, or a store that fails for a moment, leaves the purge to the next
/// pass of the <see cref="StateCleaner"/> on any replica. Each owed purge carries the moment of its removal, and purges
/// only what was made up to it: a workspace that installs the app again while its purge is still owed keeps what it
/// made since.
/// </summary>
public interface IPendingPurgeStore
{
    /// <summary>
    /// Notes the purge of <paramref name="target"/> as owed for a removal at <paramref name="removedAt"/>. When one is
    /// already owed, its moment only ever moves later, to the latest removal noted: a purge up to a later moment
    /// deletes all that one up to an earlier moment would, so nothing made before any removal noted is left, and a
    /// second removal after the workspace installed the app again also purges what was made between the two.
    /// </summary>
    Task AddAsync(PurgeTarget target, DateTimeOffset removedAt, CancellationToken cancellationToken);

    Task<IReadOnlyList<OwedPurge>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Forgets the purge of <paramref name="target"/>, done for everything made up to <paramref name="doneUpTo"/>; one
    /// owed for a later removal, noted while it ran, stays owed.
    /// </summary>
    Task RemoveAsync(PurgeTarget target, DateTimeOffset doneUpTo, CancellationToken cancellationToken);
}

/// <summary>
/// A purge still owed: <see cref="Target"/> loses what was made up to <see cref="RemovedAt"/>, the moment its removal
/// was received; null for a purge noted by a version that kept no moment, which purges everything made until it runs.
/// </summary>
public sealed record OwedPurge(PurgeTarget Target, DateTimeOffset? RemovedAt);

/// <summary>What a Slack app removal forgets: one workspace (team), or every workspace of an Enterprise Grid org.</summary>
public sealed record PurgeTarget
{
    private const string TeamKind = "slack-team";
    private const string EnterpriseKind = "slack-enterprise";

    private PurgeTarget(string kind, string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Kind = kind;
        Id = id;
    }

    public string Kind { get; }

    public string Id { get; }

    public bool IsEnterprise => Kind == EnterpriseKind;

    /// <summary>How the shared store keeps it.</summary>
    public string Key => Kind + ":" + Id;

    public static PurgeTarget SlackTeam(string teamId) => new(TeamKind, teamId);

    public static PurgeTarget SlackEnterprise(string enterpriseId) => new(EnterpriseKind, enterpriseId);

    /// <summary>A stored <see cref="Key"/> read back; null for one this version does not know.</summary>
    public static PurgeTarget? FromKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == key.Length - 1)
        {
            return null;
        }

        var (kind, id) = (key[..colon], key[(colon + 1)..]);
        return kind switch
        {
            TeamKind => SlackTeam(id),
            EnterpriseKind => SlackEnterprise(id),
            _ => null,
        };
    }
}
