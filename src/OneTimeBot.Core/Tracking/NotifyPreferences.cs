using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Whether a person is messaged about their links: what they last said with <c>notify on|off</c>, else their
/// workspace's setting. Read when a message is due, so a change applies to links shared before it too.
/// </summary>
public sealed class NotifyPreferences(INotifyPreferenceStore store, WorkspaceSettingsService workspaces)
{
    public async Task<bool> WantsAsync(Actor person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return await store.FindAsync(person.Workspace, person.UserId, cancellationToken).ConfigureAwait(false)
            ?? (await workspaces.GetAsync(person.Workspace, cancellationToken).ConfigureAwait(false)).NotifyOwners;
    }

    public Task SetAsync(Actor person, bool notify, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return store.SaveAsync(person.Workspace, person.UserId, notify, person.Reach?.EnterpriseId, cancellationToken);
    }
}
