using OneTimeBot.Core.Hosting;

namespace OneTimeBot.Core.Tracking;

/// <summary>
/// The embedded secret service's reveals and burns, handed to <see cref="LinkStatusNotifier"/> off the request that
/// made them (the reader's page does not wait for a message to its sender), on the replica that served them: the
/// settle and the claim in the shared store make the message go once whichever replicas learn of it.
/// </summary>
public sealed class EmbeddedSecretEvents(ITrackedShareStore store, LinkStatusNotifier notifier, FollowUps followUps) : ISecretStateListener
{
    public void SecretChanged(SecretStateChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        followUps.Run("link status " + change.Status, ct => HandleAsync(change, ct));
    }

    /// <summary>Settles the change for the link the bot tracks under the service's receipt id; a secret made elsewhere is none of its business.</summary>
    public async Task HandleAsync(SecretStateChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (await store.FindByBackendReceiptAsync(change.BackendReceiptId, cancellationToken).ConfigureAwait(false) is { } share)
        {
            await notifier.SettledAsync(share, change.Status, change.At, cancellationToken).ConfigureAwait(false);
        }
    }
}
