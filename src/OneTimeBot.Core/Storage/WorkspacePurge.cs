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
/// A removal's purge is noted in the shared store before the removal is acknowledged (<see cref="OweAsync"/>), with the
/// moment the removal was received, and forgotten only once every step succeeded; until then the
/// <see cref="StateCleaner"/> tries it again. Every step deletes only what was made (a notification choice: last
/// changed) up to that moment and <see cref="ClockMargin"/>, by the hosts' own clocks, so a workspace that installs the
/// app again before a retry keeps what it made since.
/// </summary>
public sealed partial class WorkspacePurge(
    ITrackedShareStore links,
    ISecretRequestStore requests,
    INotifyPreferenceStore preferences,
    IPendingPurgeStore pending,
    TimeProvider time,
    ILogger<WorkspacePurge> logger)
{
    /// <summary>
    /// How far past the moment of a removal an owed purge reaches. The moment is stamped by the replica that received the
    /// removal, each record by the replica that made it, and their clocks differ a little: a record made just before the
    /// removal on a replica whose clock runs ahead must not outlive the purge. A record made in this minute after the
    /// removal is dropped with the rest, which is the lesser harm: a workspace can make one only once an admin has given
    /// the app consent again, and keeping what should have been forgotten is worse than losing a link made just then.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Notes that <paramref name="target"/> must be purged of what was made until now; called when the removal is
    /// received, before it is acknowledged.
    /// </summary>
    public Task OweAsync(PurgeTarget target, CancellationToken cancellationToken) => pending.AddAsync(target, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// Does the purge <paramref name="target"/> owes, up to the moment of its removal, and when every step succeeded
    /// forgets that it was owed; nothing when none is owed (another replica's cleaner finished it).
    /// </summary>
    public async Task PurgeAsync(PurgeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if ((await pending.ListAsync(cancellationToken).ConfigureAwait(false)).FirstOrDefault(o => o.Target == target) is { } owed)
        {
            await PurgeAsync(owed, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tries every purge still owed, as a removal's own handling may not have finished; returns how many were done.</summary>
    public async Task<int> PurgeOwedAsync(CancellationToken cancellationToken)
    {
        var done = 0;
        foreach (var owed in await pending.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await PurgeAsync(owed, cancellationToken).ConfigureAwait(false);
                LogOwedPurged(owed.Target.Key);
                done++;
            }
            catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogOwedFailed(owed.Target.Key, failure.GetType().Name);
            }
        }

        return done;
    }

    /// <summary>
    /// Each of the three deletes what was made up to <paramref name="madeUpTo"/>, and is tried whatever became of the
    /// others: a failing store of links must not keep the requests and choices. When any failed, the purge throws after
    /// all were tried, and stays owed.
    /// </summary>
    public async Task PurgeAsync(WorkspaceId workspace, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        var failed = new List<string>();
        var purgedLinks = await StepAsync(workspace, "tracked links", failed, () => links.PurgeWorkspaceAsync(workspace, madeUpTo, cancellationToken), cancellationToken).ConfigureAwait(false);
        var purgedRequests = await StepAsync(workspace, "requests", failed, () => requests.PurgeWorkspaceAsync(workspace, madeUpTo, cancellationToken), cancellationToken).ConfigureAwait(false);
        var purgedPreferences = await StepAsync(workspace, "notification choices", failed, () => preferences.PurgeWorkspaceAsync(workspace, madeUpTo, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (failed.Count > 0)
        {
            throw new WorkspacePurgeException($"Purging {workspace.Key} left {string.Join(", ", failed)} undone; it is tried again.");
        }

        LogPurged(workspace.Key, purgedLinks, purgedRequests, purgedPreferences);
    }

    /// <summary>
    /// An org-wide install of an Enterprise Grid org was removed: every workspace of the org whose people made links or
    /// requests through it, or chose whether to be notified there, is purged as above, each whatever became of the others.
    /// </summary>
    public async Task PurgeEnterpriseAsync(string enterpriseId, DateTimeOffset madeUpTo, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(enterpriseId);
        var withLinks = await links.WorkspacesOfEnterpriseAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        var withRequests = await requests.WorkspacesOfEnterpriseAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        var withChoices = await preferences.WorkspacesOfEnterpriseAsync(enterpriseId, cancellationToken).ConfigureAwait(false);
        var failed = 0;
        foreach (var workspace in withLinks.Union(withRequests).Union(withChoices))
        {
            try
            {
                await PurgeAsync(workspace, madeUpTo, cancellationToken).ConfigureAwait(false);
            }
            catch (WorkspacePurgeException)
            {
                failed++;
            }
        }

        if (failed > 0)
        {
            throw new WorkspacePurgeException($"Purging the workspaces of {enterpriseId} left {failed} not fully purged; it is tried again.");
        }
    }

    /// <summary>
    /// One owed purge, of what was made up to <see cref="ClockMargin"/> past its removal; one an earlier version noted
    /// without a moment purges what was made until now, as that version did. The owed purge is forgotten only if no
    /// later removal was noted meanwhile (one noted within the margin still gets a purge with a margin of its own).
    /// </summary>
    private async Task PurgeAsync(OwedPurge owed, CancellationToken cancellationToken)
    {
        var removedAt = owed.RemovedAt ?? time.GetUtcNow();
        var madeUpTo = removedAt + ClockMargin;
        if (owed.Target.IsEnterprise)
        {
            await PurgeEnterpriseAsync(owed.Target.Id, madeUpTo, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await PurgeAsync(new WorkspaceId(ChatPlatform.Slack, owed.Target.Id), madeUpTo, cancellationToken).ConfigureAwait(false);
        }

        await pending.RemoveAsync(owed.Target, removedAt, cancellationToken).ConfigureAwait(false);
    }

    public Task ForgetPersonAsync(Actor person, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        return preferences.DeleteAsync(person.Workspace, person.UserId, cancellationToken);
    }

    private async Task<int> StepAsync(WorkspaceId workspace, string what, List<string> failed, Func<Task<int>> step, CancellationToken cancellationToken)
    {
        try
        {
            return await step().ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The type only: a store's exception text can quote what it was asked.
            LogStepFailed(workspace.Key, what, failure.GetType().Name);
            failed.Add(what);
            return 0;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Workspace}, whose app was removed: {Links} tracked links, {Requests} requests, {Preferences} notification choices")]
    private partial void LogPurged(string workspace, int links, int requests, int preferences);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging the {What} of {Workspace}, whose app was removed, threw {ExceptionType}; the purge stays owed and is tried again")]
    private partial void LogStepFailed(string workspace, string what, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Finished the owed purge of {Target}")]
    private partial void LogOwedPurged(string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The owed purge of {Target} failed again with {ExceptionType}; the next pass tries it again")]
    private partial void LogOwedFailed(string target, string exceptionType);
}

/// <summary>A workspace purge that left a step undone; it stays owed. Its message names only the workspace and the steps.</summary>
public sealed class WorkspacePurgeException : Exception
{
    public WorkspacePurgeException()
    {
    }

    public WorkspacePurgeException(string message)
        : base(message)
    {
    }

    public WorkspacePurgeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
