using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Requests;
using OneTimeBot.Core.Tracking;
using OneTimeBot.Core.Workspaces;

namespace OneTimeBot.Core.Storage;

/// <summary>
/// Forgets the people of a workspace the app was removed from: its tracked links (whose polls and messages stop), with
/// whom each was sent to; its requests, open or closed, with who asked whom; and its people's notification choices.
/// Receipts stay until their own time: they name no one but their owner, and a card's Check status still needs them
/// if the app comes back. Also forgets one person's notification choice when they remove the app for themselves.
/// </summary>
public sealed partial class WorkspacePurge(
    ITrackedShareStore links,
    ISecretRequestStore requests,
    INotifyPreferenceStore preferences,
    ILogger<WorkspacePurge> logger)
{
    public async Task PurgeAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var purgedLinks = await links.PurgeWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        var purgedRequests = await requests.PurgeWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        var purgedPreferences = await preferences.PurgeWorkspaceAsync(workspace, cancellationToken).ConfigureAwait(false);
        LogPurged(workspace.Key, purgedLinks, purgedRequests, purgedPreferences);
    }

    /// <summary>
    /// An org-wide install of an Enterprise Grid org was removed: every workspace of the org whose people made links or
    /// requests through it is purged as above. A workspace of the org where nobody did is not known to the bot; its
    /// people's notify choices stay until changed.
    /// </summary>
    public async Task PurgeEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        var withLinks = await links.WorkspacesOfEnterpriseAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        var withRequests = await requests.WorkspacesOfEnterpriseAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        foreach (var workspace in withLinks.Union(withRequests))
        {
            await PurgeAsync(workspace, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task ForgetPersonAsync(Actor person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return preferences.DeleteAsync(person.Workspace, person.UserId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Workspace}, whose app was removed: {Links} tracked links, {Requests} requests, {Preferences} notification choices")]
    private partial void LogPurged(string workspace, int links, int requests, int preferences);
}
