using OneTimeSecret.Client;

namespace OneTimeBot.Core.Sharing;

/// <summary>What a backend's receipt says became of a secret, in a card's words, and since when.</summary>
public static class ReceiptStatus
{
    /// <summary>
    /// The status, and when it changed (null while the link is still waiting). A backend may not have marked a secret
    /// expired yet whose time has run out: from <paramref name="expiresAt"/> on it is expired all the same.
    /// </summary>
    public static (SecretStatus Status, DateTimeOffset? ChangedAt) Of(SecretReceipt current, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(current);
        var status = current.State switch
        {
            SecretState.Received => SecretStatus.Viewed,
            SecretState.Burned => SecretStatus.Burned,
            SecretState.Expired or SecretState.Orphaned => SecretStatus.Expired,
            _ when now >= expiresAt => SecretStatus.Expired,
            _ => SecretStatus.New,
        };
        var changedAt = status switch
        {
            SecretStatus.Viewed => current.Received ?? current.Updated,
            SecretStatus.New => (DateTimeOffset?)null,
            _ => current.Updated,
        };
        return (status, changedAt);
    }
}
