using OneTimeBot.SecretServer.Model;

namespace OneTimeBot.SecretServer.Storage;

/// <summary>
/// Where secrets and receipts live, under ids (see <c>LookupIds</c>), never under their keys. A lookup finds a record
/// by its id or, for records written before keys were hashed, by the key itself, in one round trip.
/// <see cref="TakeSecretAsync"/> is the one-time guarantee: it removes and returns the secret in one atomic step, so of
/// any number of concurrent callers exactly one gets it.
/// </summary>
public interface ISecretStore
{
    Task SaveAsync(StoredSecret secret, StoredReceipt receipt, CancellationToken cancellationToken);

    Task<StoredSecret?> FindSecretAsync(StoreLookup lookup, CancellationToken cancellationToken);

    /// <summary>Removes and returns the secret stored under exactly <paramref name="id"/>.</summary>
    Task<StoredSecret?> TakeSecretAsync(string id, CancellationToken cancellationToken);

    Task<StoredReceipt?> FindReceiptAsync(StoreLookup lookup, CancellationToken cancellationToken);

    /// <summary>Replaces the state of a receipt that still exists, keeping its lifetime.</summary>
    Task UpdateReceiptAsync(StoredReceipt receipt, CancellationToken cancellationToken);

    /// <summary>
    /// The customer's receipts created at or after <paramref name="since"/>, newest first. A store may leave out those
    /// without a sealed metadata key (anonymous and the bot's own), which no recent list can show anyway.
    /// </summary>
    Task<IReadOnlyList<StoredReceipt>> RecentReceiptsAsync(string customerId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes what expired before <paramref name="now"/>; stores with native expiry have little to do.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);

    Task PingAsync(CancellationToken cancellationToken);
}
