namespace OneTimeBot.Core.Storage;

/// <summary>
/// Purges an app removal still owes, kept in the shared store from before the removal is acknowledged until every step
/// of its purge succeeded: a host that stops half way, or a store that fails for a moment, leaves the purge to the next
/// pass of the <see cref="StateCleaner"/> on any replica.
/// </summary>
public interface IPendingPurgeStore
{
    /// <summary>Notes a purge as owed; noting one already owed changes nothing.</summary>
    Task AddAsync(PurgeTarget target, CancellationToken cancellationToken);

    Task<IReadOnlyList<PurgeTarget>> ListAsync(CancellationToken cancellationToken);

    Task RemoveAsync(PurgeTarget target, CancellationToken cancellationToken);
}

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
