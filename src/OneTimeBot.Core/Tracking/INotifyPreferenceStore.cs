using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tracking;

/// <summary>Whether a person wants a message when their links are opened, burned or expire: what they last said with <c>notify on|off</c>.</summary>
public interface INotifyPreferenceStore
{
    /// <summary>Their choice; null when they never made one (the workspace's default applies).</summary>
    Task<bool?> FindAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Keeps their choice, and the Enterprise Grid org <paramref name="enterpriseId"/> of their Slack workspace (null for
    /// none) for as long as the choice: the removal of an org-wide install names only the org.
    /// </summary>
    Task SaveAsync(WorkspaceId workspace, string userId, bool notify, string? enterpriseId, CancellationToken cancellationToken);

    /// <summary>Forgets the person's choice, as if they never made one: they removed the app for themselves.</summary>
    Task DeleteAsync(WorkspaceId workspace, string userId, CancellationToken cancellationToken);

    /// <summary>
    /// Forgets every choice made in <paramref name="workspace"/> and last changed up to <paramref name="madeUpTo"/>: the
    /// app was removed from it then. A choice kept by a version that recorded no time counts as made before. Returns how many.
    /// </summary>
    Task<int> PurgeWorkspaceAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken);

    /// <summary>The Slack workspaces of the Enterprise Grid org <paramref name="enterpriseId"/> where someone made a choice.</summary>
    Task<IReadOnlyList<WorkspaceId>> WorkspacesOfEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken);
}
