using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Messaging;
using OneTimeBot.Core.Sharing;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// Settles what became of a tracked link and tells its owner once. Whoever learns it first (the embedded service's
/// event, a poll, an expiry) settles the status in the shared store; only the one that settled it goes on to claim the
/// message, and the claim, also in the shared store, lets exactly one replica send it. An owner who burns the link
/// through the bot claims it first, so that burn sends nothing: their card already says so. A message the platform
/// turned away for now (a rate limit, unreachable) or whose sending threw is given back and offered again by the
/// poller's pass, later each time, for a day after the change; a refusal for good (a deactivated person) is not.
/// A replica that stops after settling a link, or while it holds the claim, loses the message to nobody: the poller's
/// pass is offered the link again once the claim could have been taken and has run out (<see cref="NotificationClaim"/>).
/// </summary>
public sealed partial class LinkStatusNotifier(
    ITrackedShareStore store, NotifyPreferences preferences, DirectMessengers messengers, TimeProvider time, Telemetry.BotMetrics metrics,
    ILogger<LinkStatusNotifier> logger)
{
    /// <summary>How often the outcome of a claimed message is tried before the failure is left to the claim's lease.</summary>
    private const int RecordAttempts = 3;

    /// <summary>How long after the change a message that could not go yet is still worth sending.</summary>
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromDays(1);

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(1);

    public async Task SettledAsync(TrackedShare share, SecretStatus status, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        if (status == SecretStatus.New || !await store.SettleAsync(share.Id, status, at, time, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        LogSettled(share.Id, share.Workspace.Key, status);
        metrics.LinkSettled(Telemetry.BotTelemetry.Platform(share.Workspace.Platform), status.ToString().ToLowerInvariant());
        await TellAsync(share with { Status = status, StatusChangedAt = at }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the owner of a settled link what became of it, unless someone else has it or it was told already.</summary>
    public async Task TellAsync(TrackedShare share, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(share);
        if (share.Status == SecretStatus.New || share.StatusChangedAt is not { } at
            || !await store.ClaimAsync(share.Id, time, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (!await preferences.WantsAsync(share.Owner, cancellationToken).ConfigureAwait(false))
        {
            await RecordAsync(share, NotificationOutcome.NotWanted).ConfigureAwait(false);
            return;
        }

        DirectMessageResult sent;
        // Given up well inside the claim's lease: no other replica may take the message while this one still sends it.
        using var budget = new CancellationTokenSource(NotificationClaim.SendBudget, time);
        using var sending = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, budget.Token);
        try
        {
            sent = await messengers.SendAsync(share.Owner, new LinkStatusChanged(share.Status, at, share.SentTo, share.Generated, share.Created), sending.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.RetryNotificationAsync(share.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception failure)
        {
            // The type only: the messenger's exception text can name the person or quote the platform.
            LogSendThrew(share.Id, share.Workspace.Key, failure.GetType().Name);
            sent = DirectMessageResult.NotSent(failure.GetType().Name, transient: true);
        }

        var now = time.GetUtcNow();
        if (!sent.Sent && sent.Transient && now - at < GiveUpAfter)
        {
            var wait = now - at < FirstRetry ? FirstRetry : now - at > LongestRetry ? LongestRetry : now - at;
            await store.RetryNotificationAsync(share.Id, now + wait, cancellationToken).ConfigureAwait(false);
            LogWillRetry(share.Id, share.Workspace.Key, now + wait);
            return;
        }

        await RecordAsync(share, sent.Sent ? NotificationOutcome.Sent : NotificationOutcome.NotSent).ConfigureAwait(false);
        if (sent.Sent)
        {
            LogTold(share.Id, share.Workspace.Key, share.Status);
        }
        else
        {
            // Not the messenger's sentence: it may name the person. The messenger logs the platform's own error code.
            LogNotTold(share.Id, share.Workspace.Key);
        }
    }

    /// <summary>
    /// Writes what became of a claimed message even while the host stops: once the claim is held the outcome must land,
    /// or the lease lapses and another replica sends the message again. A store that fails for a moment is tried again.
    /// </summary>
    private async Task RecordAsync(TrackedShare share, NotificationOutcome outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await store.RecordNotificationAsync(share.Id, outcome, CancellationToken.None).ConfigureAwait(false);
                return;
            }
            catch (Exception failure) when (attempt < RecordAttempts && failure is not ObjectDisposedException)
            {
                LogRecordFailed(share.Id, share.Workspace.Key, failure.GetType().Name, attempt);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording what became of the message about tracked link {TrackedId} in {Workspace} threw {ExceptionType} (attempt {Attempt}); trying again")]
    private partial void LogRecordFailed(string trackedId, string workspace, string exceptionType, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracked link {TrackedId} in {Workspace} is {Status}")]
    private partial void LogSettled(string trackedId, string workspace, SecretStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Told the owner of tracked link {TrackedId} in {Workspace} that it is {Status}")]
    private partial void LogTold(string trackedId, string workspace, SecretStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the owner of tracked link {TrackedId} in {Workspace}: the platform did not deliver the message")]
    private partial void LogNotTold(string trackedId, string workspace);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the owner of tracked link {TrackedId} in {Workspace} yet; will try again at {Next:O}")]
    private partial void LogWillRetry(string trackedId, string workspace, DateTimeOffset next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telling the owner of tracked link {TrackedId} in {Workspace} threw {ExceptionType}")]
    private partial void LogSendThrew(string trackedId, string workspace, string exceptionType);
}
