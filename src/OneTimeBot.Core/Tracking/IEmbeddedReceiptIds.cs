namespace OneTimeBot.Core.Tracking;

/// <summary>
/// The embedded secret service's id for a receipt: the id it files the receipt under and names in its
/// <see cref="SecretStateChange"/>s, computed from the metadata key the way the service computes it (a keyed hash:
/// neither the key nor anything the key opens can be had from it). Registered by the service, where it runs.
/// </summary>
public interface IEmbeddedReceiptIds
{
    string ReceiptIdOf(string metadataKey);
}

/// <summary>
/// Told by the embedded secret service, on whichever replica served it, the moment one of its secrets is revealed or
/// burned. It must return at once: the service calls it on the request's path.
/// </summary>
public interface ISecretStateListener
{
    void SecretChanged(SecretStateChange change);
}

/// <summary>A secret of the embedded service was revealed (<c>Viewed</c>) or burned, at <paramref name="At"/>, under its receipt's id.</summary>
public sealed record SecretStateChange(string BackendReceiptId, Sharing.SecretStatus Status, DateTimeOffset At);
