using Microsoft.Extensions.Logging;
using OneTimeBot.Core.Errors;
using OneTimeBot.Core.Expiry;
using OneTimeBot.Core.Localization;
using OneTimeBot.Core.Workspaces;
using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>
/// The use-cases Slack and Teams call: share, generate, status and burn for a user of a workspace. Each picks the
/// workspace's backend and account, applies the input rules, and returns a <see cref="SecretCard"/> or a
/// <see cref="SharingError"/>. Status and burn are for the sender alone.
/// </summary>
public sealed partial class SharingService(
    IOneTimeSecretClient client,
    WorkspaceSettingsService workspaces,
    ReceiptVault receipts,
    CreationLimiter limits,
    ILinkTracking tracking,
    TimeProvider time,
    Telemetry.BotMetrics metrics,
    ILogger<SharingService> logger)
{
    /// <param name="budget">How long the backend call may take in all; null for the configured total. A platform
    /// that must answer within its own deadline passes less, work done after the platform was answered passes more.</param>
    public async Task<Result<SecretCard, SharingError>> ShareAsync(Actor actor, ShareInput input, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        if (SharingRules.CheckSecret(input.Secret) is { } secretError)
        {
            return secretError;
        }

        var prepared = await PrepareCreationAsync(actor, input.Ttl,
            () => SharingRules.CheckPassphrase(input.Passphrase) ?? SharingRules.CheckRecipient(input.RecipientEmail), cancellationToken).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            return prepared.Error;
        }

        var (settings, ttl, connection) = prepared.Value;
        var request = new ShareRequest(input.Secret, ttl, input.Passphrase, input.RecipientEmail?.Trim(), settings.ShareDomain);
        var shared = await client.ShareAsync(WithBudget(connection.Connection, budget), request, cancellationToken).ConfigureAwait(false);
        return shared.IsSuccess
            ? await RecordAsync(actor, connection, shared.Value, generated: false, input.SendTo, cancellationToken).ConfigureAwait(false)
            : Failed(actor, "share", shared.Error, connection);
    }

    public async Task<Result<SecretCard, SharingError>> GenerateAsync(Actor actor, GenerateInput input, TimeSpan? budget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var length = SharingRules.CheckLength(input.Length);
        var prepared = await PrepareCreationAsync(actor, input.Ttl,
            () => length.Error ?? SharingRules.CheckPassphrase(input.Passphrase), cancellationToken).ConfigureAwait(false);
        if (!prepared.IsSuccess)
        {
            return prepared.Error;
        }

        var (settings, ttl, connection) = prepared.Value;
        var request = new GenerateRequest(ttl, input.Passphrase, null, length.Value, settings.ShareDomain);
        var generated = await client.GenerateAsync(WithBudget(connection.Connection, budget), request, cancellationToken).ConfigureAwait(false);
        // The generated value goes no further than this line: only its recipient ever sees it, through the link.
        return generated.IsSuccess
            ? await RecordAsync(actor, connection, generated.Value.Receipt, generated: true, input.SendTo, cancellationToken).ConfigureAwait(false)
            : Failed(actor, "generate", generated.Error, connection);
    }

    public async Task<Result<SecretCard, SharingError>> StatusAsync(Actor actor, string receiptId, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var found = await OwnedReceiptAsync(actor, receiptId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (receipt, connection) = found.Value;
        var keys = receipts.KeysOf(receipt);
        // Looked up beside the backend call, not after it: the card keeps saying whom the link went to.
        var sentTo = SentToAsync(receipt, cancellationToken);
        Result<SecretReceipt, OtsFailure> current;
        try
        {
            current = await client.GetReceiptAsync(WithBudget(connection.Connection, budget), keys.MetadataKey, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Observe(sentTo);
            throw;
        }

        if (current.IsSuccess)
        {
            var card = Card(receipt, current.Value, connection, keys.SecretLink) with { SentTo = await sentTo.ConfigureAwait(false) };
            return Result<SecretCard, SharingError>.Success(await SeenAsync(receipt, card, cancellationToken).ConfigureAwait(false));
        }

        // The backend forgets a receipt after twice the secret's lifetime; by then the secret has surely expired.
        if (current.Error.Kind == OtsFailureKind.SecretNotFound)
        {
            var card = Card(receipt, SecretStatus.Expired, receipt.ExpiresAt, connection) with { SentTo = await sentTo.ConfigureAwait(false) };
            return Result<SecretCard, SharingError>.Success(await SeenAsync(receipt, card, cancellationToken).ConfigureAwait(false));
        }

        Observe(sentTo);
        return Failed(actor, "status", current.Error, connection);
    }

    /// <summary>
    /// A look-up whose answer is no longer wanted still has its failure seen, so it never surfaces later as an
    /// unobserved task exception; the failure the user is told about is the backend's.
    /// </summary>
    private static void Observe(Task lookup) =>
        lookup.ContinueWith(static done => _ = done.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Whom the receipt's link was sent to, as its tracked link knows: the receipt itself does not keep the person.</summary>
    private Task<Workspaces.Person?> SentToAsync(ReceiptRecord receipt, CancellationToken cancellationToken) =>
        receipt.TrackedId is { } trackedId ? tracking.SentToAsync(trackedId, cancellationToken) : Task.FromResult<Workspaces.Person?>(null);

    /// <summary>What the owner's card now shows them needs no message after: tracking settles it as told.</summary>
    private async Task<SecretCard> SeenAsync(ReceiptRecord receipt, SecretCard card, CancellationToken cancellationToken)
    {
        if (receipt.TrackedId is { } trackedId && !card.IsLive)
        {
            if (await tracking.OwnerSawAsync(trackedId, card.Status, card.StatusChangedAt ?? time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                metrics.LinkSettled(Telemetry.BotTelemetry.Platform(receipt.Workspace.Platform), card.Status.ToString().ToLowerInvariant());
            }
        }

        return card;
    }

    public async Task<Result<SecretCard, SharingError>> BurnAsync(Actor actor, string receiptId, SecretText? passphrase, TimeSpan? budget, CancellationToken cancellationToken)
    {
        var found = await OwnedReceiptAsync(actor, receiptId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var (receipt, connection) = found.Value;
        // Opened before the message is held back: a receipt whose keys cannot be opened must not hold it for ever.
        var metadataKey = receipts.KeysOf(receipt).MetadataKey;
        var held = receipt.TrackedId is { } trackedId && await tracking.OwnerBurnStartingAsync(trackedId, cancellationToken).ConfigureAwait(false);
        Result<SecretReceipt, OtsFailure>? burned = null;
        try
        {
            burned = await client.BurnAsync(WithBudget(connection.Connection, budget), metadataKey, passphrase, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (receipt.TrackedId is { } tracked)
            {
                // Not cancelled with the request: a message held back must be let go again, whatever happened to the
                // burn, a cancelled or failed call included.
                if (await tracking.OwnerBurnEndedAsync(tracked, held, burned is { IsSuccess: true } done ? done.Value.Updated : null, CancellationToken.None).ConfigureAwait(false))
                {
                    metrics.LinkSettled(Telemetry.BotTelemetry.Platform(actor.Workspace.Platform), "burned");
                }
            }
        }

        var outcome = burned.Value;
        if (outcome.IsSuccess)
        {
            LogBurned(actor.Workspace.Key, receipts.LogName(receipt.Id));
            var sentTo = await SentToAsync(receipt, cancellationToken).ConfigureAwait(false);
            return Result<SecretCard, SharingError>.Success(Card(receipt, outcome.Value, connection) with { SentTo = sentTo });
        }

        return outcome.Error.Kind switch
        {
            // Already viewed or expired: say what became of it rather than that burning failed.
            OtsFailureKind.SecretNotFound => await StatusAsync(actor, receiptId, budget, cancellationToken).ConfigureAwait(false),
            OtsFailureKind.WrongPassphrase => BackendErrors.BurnPassphrase(given: passphrase is not null),
            _ => Failed(actor, "burn", outcome.Error, connection),
        };
    }

    /// <summary>
    /// What every creation checks before it reaches the backend, in this order: the expiry against the workspace's
    /// settings, the rest of the input, the creation limits, and a usable connection.
    /// </summary>
    private async Task<Result<(WorkspaceSettings Settings, TimeSpan Ttl, WorkspaceConnection Connection), SharingError>> PrepareCreationAsync(
        Actor actor, string? ttlText, Func<SharingError?> checkInput, CancellationToken cancellationToken)
    {
        var (settings, connection) = await workspaces.SettingsAndConnectionAsync(actor.Workspace, cancellationToken).ConfigureAwait(false);
        var ttl = SharingRules.CheckTtl(ttlText, settings);
        if (!ttl.IsSuccess)
        {
            return ttl.Error;
        }

        if (checkInput() is { } inputError)
        {
            return inputError;
        }

        if (await limits.CheckAsync(actor, cancellationToken).ConfigureAwait(false) is { } limited)
        {
            return limited;
        }

        return connection.IsSuccess
            ? Result<(WorkspaceSettings, TimeSpan, WorkspaceConnection), SharingError>.Success((settings, ttl.Value, connection.Value))
            : connection.Error;
    }

    private static OneTimeSecretConnection WithBudget(OneTimeSecretConnection connection, TimeSpan? budget) =>
        budget is null ? connection : connection with { Budget = budget };

    private async Task<Result<(ReceiptRecord Receipt, WorkspaceConnection Connection), SharingError>> OwnedReceiptAsync(Actor actor, string receiptId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var receipt = string.IsNullOrWhiteSpace(receiptId) || receiptId.Length > 64
            ? null
            : await receipts.FindAsync(receiptId, cancellationToken).ConfigureAwait(false);
        if (receipt is null || receipt.Workspace != actor.Workspace || time.GetUtcNow() >= receipt.KeepUntil)
        {
            return new SharingError(SharingErrorKind.NotFound, CoreStrings.Get("Error.Receipt.NotFound.Message"), CoreStrings.Get("Error.Receipt.NotFound.Hint"));
        }

        if (!string.Equals(receipt.OwnerUserId, actor.UserId, StringComparison.Ordinal))
        {
            LogNotOwner(actor.Workspace.Key, receipts.LogName(receipt.Id));
            return new SharingError(SharingErrorKind.NotOwner, CoreStrings.Get("Error.Receipt.NotOwner.Message"), CoreStrings.Get("Error.NotOwner.Hint"));
        }

        var connection = await workspaces.ConnectionForReceiptAsync(actor.Workspace, receipt.Backend, cancellationToken).ConfigureAwait(false);
        return connection.IsSuccess ? Result<(ReceiptRecord, WorkspaceConnection), SharingError>.Success((receipt, connection.Value)) : connection.Error;
    }

    private async Task<Result<SecretCard, SharingError>> RecordAsync(
        Actor actor, WorkspaceConnection connection, SecretReceipt created, bool generated, Workspaces.Person? sendTo, CancellationToken cancellationToken)
    {
        var link = created.SecretLink ?? throw new InvalidOperationException("The backend answered a new secret without its key.");
        var host = connection.Connection.BaseUri.Host;
        var now = time.GetUtcNow();
        var (receiptId, trackedId) = TimeOrderedIds.NewPair(now);
        var receipt = new ReceiptRecord(
            Id: receiptId,
            Workspace: actor.Workspace,
            OwnerUserId: actor.UserId,
            Backend: connection.Backend,
            ProtectedKeys: "", // sealed by the vault as it saves the receipt
            Created: created.Created,
            ExpiresAt: created.ExpiresAt,
            Ttl: created.Ttl,
            PassphraseRequired: created.PassphraseRequired,
            Recipient: created.Recipients.Count > 0 ? created.Recipients[0] : null,
            Generated: generated)
        {
            // Its own id, not the receipt's: lists show it on Burn buttons, and the receipt id opens the receipt's keys.
            TrackedId = trackedId,
        };
        // Both are stored before the card is shown, but neither waits for the other: on SQLite they share one group
        // commit, on Redis one round trip's wait, instead of a second commit on every command.
        var saved = receipts.SaveAsync(receipt, new ReceiptKeys(created.MetadataKey, link), cancellationToken);
        await Task.WhenAll(
            saved,
            tracking.TrackAsync(receipt.TrackedId, new NewLink(actor, sendTo, connection.Backend, host, created, generated), cancellationToken)).ConfigureAwait(false);
        LogCreated(generated ? "generate" : "share", actor.Workspace.Key, await saved.ConfigureAwait(false), host, (long)created.Ttl.TotalSeconds);
        metrics.LinkCreated(Telemetry.BotTelemetry.Platform(actor.Workspace.Platform), Configuration.OneTimeSecretOptions.IsEmbeddedName(connection.Backend) ? "embedded" : "external", generated);
        // The link in hand, not unprotected again from what was just protected.
        return Result<SecretCard, SharingError>.Success(Card(receipt, SecretStatus.New, null, connection, link) with { TrackedId = receipt.TrackedId });
    }

    private SecretCard Card(ReceiptRecord receipt, SecretReceipt current, WorkspaceConnection connection, Uri? link = null)
    {
        var (status, changedAt) = ReceiptStatus.Of(current, receipt.ExpiresAt, time.GetUtcNow());
        return Card(receipt, status, changedAt, connection, link);
    }

    private SecretCard Card(ReceiptRecord receipt, SecretStatus status, DateTimeOffset? changedAt, WorkspaceConnection connection, Uri? link = null) => new(
        receipt.Id,
        status,
        status == SecretStatus.New ? link ?? receipts.KeysOf(receipt).SecretLink : null,
        receipt.ExpiresAt,
        receipt.Ttl,
        receipt.PassphraseRequired,
        receipt.Recipient,
        connection.Connection.BaseUri.Host,
        receipt.Generated,
        changedAt);

    private SharingError Failed(Actor actor, string operation, OtsFailure failure, WorkspaceConnection connection)
    {
        LogFailed(operation, actor.Workspace.Key, failure.Kind);
        return BackendErrors.From(failure, connection.Connection.BaseUri.Host, quoteServer: !connection.Connection.PublicOnly);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created a one-time secret ({Operation}) for {Workspace}: receipt {StoredReceiptId} on {Host}, TTL {TtlSeconds} s")]
    private partial void LogCreated(string operation, string workspace, string storedReceiptId, string host, long ttlSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Burned the secret of receipt {StoredReceiptId} for {Workspace}")]
    private partial void LogBurned(string workspace, string storedReceiptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a status or burn of receipt {StoredReceiptId} in {Workspace}: not the sender")]
    private partial void LogNotOwner(string workspace, string storedReceiptId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sharing {Operation} for {Workspace} failed: {FailureKind}")]
    private partial void LogFailed(string operation, string workspace, OtsFailureKind failureKind);
}
