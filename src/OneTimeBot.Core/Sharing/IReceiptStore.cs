namespace OneTimeBot.Core.Sharing;

public interface IReceiptStore
{
    Task SaveAsync(ReceiptRecord receipt, CancellationToken cancellationToken);

    Task<ReceiptRecord?> FindAsync(string receiptId, CancellationToken cancellationToken);

    /// <summary>Deletes receipts kept past <see cref="ReceiptRecord.KeepUntil"/>; stores with native expiry do nothing.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
